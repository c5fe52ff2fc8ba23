## Passkeys (MFA-20 … MFA-24, MFA-61)
passkey-factor-named = passkey "{ $name }"

passkey-setup-title = Set up a passkey
passkey-name-label = Passkey name*
passkey-name-hint = Please enter between 3 and 30 characters. Upper- and lower-case letters, digits and the following characters are allowed . : , ; - _ ( ) /
passkey-create = Create passkey
passkey-error-name-empty = Please enter a name for the passkey.
passkey-error-name-length = The passkey name must be between 3 and 30 characters long.
passkey-error-name-characters = The passkey name may only contain upper- and lower-case letters without umlauts, digits and the characters . : , ; - _ ( ) / but no spaces.
passkey-error-name-taken = You already have a passkey with this name. Please choose a different name.
passkey-limit-heading = Maximum number of passkeys reached
passkey-limit-reached = You have already set up 10 passkeys. An account cannot have more than 10 passkeys. First delete a passkey you no longer need.
passkey-problem-heading = The passkey was not set up

passkey-device-title = Set up the passkey on your device
passkey-device-intro = Select "Create passkey now". Your browser or device will then ask where to save the passkey and ask for your fingerprint, face recognition or PIN.
passkey-device-name = Passkey name
passkey-device-varies = Please note: what you see may differ depending on the device you use.
passkey-device-button = Create passkey now
passkey-needs-js = Passkeys need JavaScript and a browser that supports passkeys. Please switch on JavaScript or use an up-to-date browser. All other pages of the portal also work without JavaScript.
passkey-client-cancelled = The process was cancelled or took too long. Please try again.
passkey-client-exists = A passkey for your account is already saved on this device. You can already use it to log in.
passkey-client-failed = The passkey could not be used. Please try again or log in another way.

passkey-error-ceremony-unknown = This process is invalid or has already been completed. Please start again.
passkey-error-ceremony-expired = The process took too long (more than 5 minutes). Please start again.
passkey-error-verification = The response from your device could not be verified. Please try again.
passkey-error-not-discoverable = Your device did not create a discoverable passkey, so "Log in with passkey" would not work. Please use a different device or a different password manager.
passkey-error-already-registered = This passkey has already been set up.
passkey-error-unknown-passkey = This passkey does not belong to any Jobcenter Digital account. It may have been deleted. Please log in another way.
passkey-error-rate-limited = Too many login attempts. For security reasons, logging in with a passkey is blocked for 15 minutes. Please try again later.
passkey-error-bad-request = The request was incomplete. Please reload the page and try again.
passkey-error-wrong-stage = Please log in with your user name / e-mail address and password first.
passkey-error-no-passkey = No passkey has been set up for this account.

passkey-success-title = Passkey set up successfully
passkey-success-text = You can now log in with the passkey. Please make sure that the passkey is available every time you log in.
passkey-next-heading = Next step: remove your password
passkey-next-text = In the next step, your current password will be removed from your account. This is necessary to ensure a secure login with several factors. Logging in with the password will no longer be possible afterwards. If you have also set up a login with BundID besides the passkey, you can continue to use it.
passkey-next-totp = If you do not want to remove the password, you can also add a second factor (TOTP) to your password instead.
passkey-next-setup-totp = Set up a second factor
passkey-remove-password = Remove password from account
passkey-to-settings = Go to account settings

passkey-password-remove-title = Remove password
passkey-password-remove-consequence = Once it is removed, you can only log in with "Log in with passkey" (or with BundID, if set up). Logging in with user name / e-mail address and password will no longer be possible.
passkey-password-remove-later = If you want a password again later, set a new one via "Forgot password". To log in with the password you will then also need your passkey or a second factor (TOTP).
passkey-password-remove-refused-heading = The password cannot be removed
passkey-password-remove-refused = The password can only be removed once at least one passkey has been set up for your account. Otherwise you would no longer be able to access your account.

passkey-settings-heading = Your passkeys
passkey-settings-intro = With a passkey, you log in without a password. You can set up to 10 passkeys, for example on your smartphone and on your computer.
passkey-settings-none = No passkey has been set up for your account yet.
passkey-settings-count = { $count } of 10 possible passkeys set up
passkey-settings-created = Set up on
passkey-settings-last-used = Last used
passkey-settings-never-used = never
passkey-settings-rename-label = New name for "{ $name }"
passkey-settings-rename-button = Rename "{ $name }"
passkey-settings-delete-link = Delete "{ $name }"
passkey-settings-add = Set up a passkey
passkey-settings-password-hint = With a passkey, you no longer need a password.
passkey-settings-no-password = Your account has no password: you log in with a passkey. You can set a password again at any time via "Forgot password"; after that, logging in with the password will also ask for your passkey or your second factor (TOTP).
passkey-settings-password-none = no password (login with passkey)
passkey-settings-set-password = Set a password
passkey-notice-renamed = The passkey has been renamed.
passkey-notice-deleted = The passkey has been deleted.
passkey-notice-password-removed = The password has been removed from your account. From now on, you log in with your passkey.

passkey-rename-title = Rename passkey
passkey-rename-intro = Give the passkey "{ $name }" a new name.
passkey-rename-save = Save name

passkey-delete-title = Delete passkey
passkey-delete-question = Do you really want to delete the passkey "{ $name }"?
passkey-delete-consequence = You will no longer be able to log in with this passkey. If necessary, also remove it from your device or your password manager.
passkey-delete-confirm = Delete passkey
passkey-delete-refused-heading = The passkey "{ $name }" cannot be deleted
passkey-delete-refused-no-password = This is your last passkey and your account has no password. Without it, you would no longer be able to access your account. First set up another passkey.
passkey-delete-refused-last-factor = This is your last second factor. Without it, logging in with two factors would no longer be possible. First set up another passkey or a second factor (TOTP).

passkey-login-button = Log in with passkey
passkey-login-or = or

history-passkey-added = Passkey set up
history-passkey-renamed = Passkey renamed
history-passkey-removed = Passkey deleted
history-passkey-login-failed = Failed login with passkey
history-password-removed = Password removed

mail-password-removed-subject = Password removed from your account
mail-password-removed-body =
    Hello,

    The password was removed from your Jobcenter Digital account on { $when }. From now on, you log in with your passkey:

    { $settings }

    If this was not you, set a new password immediately via "Forgot password", check your passkeys and contact your Jobcenter:

    { $reset }

    Kind regards,

    Your Jobcenter
