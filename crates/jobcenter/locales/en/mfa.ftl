## Second factor (MFA-1 … MFA-24, MFA-50, MFA-61)
form-continue = Continue
factor-name-totp = Second factor (TOTP)
factor-name-passkey = Passkey

notice-title = Security notice
notice-recommend = Protecting your data is important to us. That is why we recommend that you use the { $app }.
notice-german-only = Please note: the { $app } is currently only available in German. If you would like to log in in English, other login methods are available as alternatives. You will find them further down this page.
notice-app-heading = Log in securely with the { $app }
notice-app-text = Use the { $app } to protect your account. You confirm each login simply by approving it on your smartphone.
notice-app-soon = You will soon be able to set up the { $app } here. Until then, please choose one of the alternatives.
notice-alternatives = Alternatives to the { $app }
notice-totp-text = a 6-digit code from an authenticator app that changes every 30 seconds
notice-passkey-text = log in with your fingerprint, face recognition or the PIN of your device
notice-mandatory = You cannot log in to the portal without a second factor. Setting one up only takes a few minutes.

offer-title = Set up a passkey for this account
offer-intro = With a passkey, you can log in securely and easily without a password.
offer-what-heading = What are passkeys?
offer-what-text = Passkeys are secure digital keys. You create them with your fingerprint, face recognition or a PIN, and use them to log in instead of your username and password.
offer-create = Set up passkey
offer-dont-show = Do not show this page again
offer-skip-needs-totp = If you skip this step, you will set up a second factor (TOTP) next.
offer-skip = Skip

totp-setup-title = Set up a second factor
totp-intro = Protect your account with a constantly changing code from an authenticator or password manager app, for example in case your password is stolen.
totp-replaces = A second factor (TOTP) has already been set up for this account. If you continue, it will be replaced.
totp-step-1 = Step 1: Add the key to your app
totp-step-1-text = Scan the QR code with your authenticator app or copy the key into the app by hand.
totp-qr-caption = QR code with the key for your authenticator app
totp-account-name = Account name
totp-key = Key
totp-open-app = Open in the authenticator app on this device
totp-step-2 = Step 2: Enter the generated code
totp-code-label = 6-digit code (TOTP) *
totp-code-hint = Enter the code currently shown in your authenticator or password manager app. The code changes every 30 seconds.
totp-confirm = Confirm
totp-success-heading = Success
totp-success = You have successfully set up a second factor for this account. Please note: if a second factor had already been set up before, it has been replaced.
totp-error-empty = Please enter the 6-digit code.
totp-error-wrong = The code is incorrect or has already been used. Please enter the current code from your app.
totp-error-setup-wrong = The code does not match the key shown. Check that you copied the key correctly and that the time on your device is correct, then enter the current code.
totp-error-locked = Too many incorrect codes. For security reasons, entering codes is blocked until { $time }. You can log in with a recovery code instead.
totp-error-not-set-up = No second factor (TOTP) has been set up for this account.

recovery-title = Recovery codes
recovery-first-factor = You have successfully set up a second factor for this account.
recovery-intro = Each of these codes lets you log in once if your second factor is not at hand, for example because you have lost your smartphone. Print the codes or save them in your password manager.
recovery-once = The codes are only shown now. You can generate new codes at any time in your account settings; the old ones will then no longer be valid.
recovery-saved = I have saved the codes
recovery-enter-title = Log in with a recovery code
recovery-enter-intro = Enter one of your recovery codes. Each code can only be used once. We will let you know by email when a code has been used.
recovery-code-label = Recovery code *
recovery-code-hint = 10 characters, for example ABCDE-FGH23
recovery-error-wrong = This recovery code is incorrect or has already been used.
recovery-error-format = A recovery code has 10 characters (letters and digits), for example ABCDE-FGH23.

second-factor-title = Confirm login
second-factor-totp-intro = Enter the current code from your authenticator app.
second-factor-passkey-heading = Confirm with a passkey
second-factor-passkey-intro = Confirm the login with the passkey on this device (fingerprint, face recognition or PIN).
second-factor-passkey-button = Confirm with passkey
second-factor-passkey-needs-js = Logging in with a passkey requires JavaScript in your browser.
second-factor-other-heading = Other options
second-factor-use-recovery = Log in with a recovery code

stepup-title = Higher security level required
stepup-heading = To use this function, you need to log in with your online ID (Online-Ausweis) or an ELSTER certificate.
stepup-text = Particularly sensitive data cannot be viewed after logging in with a username and password.
stepup-alternative = Logging in with the online ID or an ELSTER certificate is not yet available in this portal. You can get the information from your Jobcenter in person or by post.

settings-security = Security
settings-totp = Second factor (TOTP)
settings-totp-active = set up
settings-totp-none = not set up
settings-totp-setup = Set up a second factor
settings-totp-replace = Replace second factor
settings-totp-remove = Remove second factor (TOTP)
settings-recovery = Recovery codes
settings-recovery-left = { $left } of 10 codes not used yet
settings-recovery-new = Generate new recovery codes
settings-history-link = Show history
settings-notice-last-factor = Your last second factor cannot be removed. Please set up another one first.
settings-notice-totp-removed = The second factor (TOTP) has been removed.

history-title = History
history-intro = Here you can see what has happened in your account: logins, changes and security events, most recent first.
history-empty = No entries yet.
history-when = Date and time
history-what = Event
history-registered = Registration
history-registration-existing-address = Another attempt to register with your email address
history-email-confirmed = Email address confirmed
history-confirmation-resent = New confirmation link requested
history-password-ok = Password entered
history-login-abandoned = Login abandoned after the password
history-login = Login
history-login-pwd-totp = Login with password and code (TOTP)
history-login-passkey = Login with a passkey
history-login-pwd-passkey = Login with password and passkey
history-login-pwd-recovery = Login with password and recovery code
history-login-pwd-new-factor = Login with password and a newly set-up second factor
history-login-pwd-secureapp = Login with password and the Secure-App
history-login-failed = Failed login
history-logout = Logout
history-logout-everywhere = Logged out everywhere
history-session-ended = Session ended
history-password-reset-requested = Password reset requested
history-password-reset = Password reset
history-password-changed = Password changed
history-email-change-requested = Change of email address requested
history-email-changed = Email address changed
history-username-changed = Username changed
history-access-reminder-sent = Login details sent
history-account-deleted = Account deleted
history-totp-added = Second factor (TOTP) set up
history-totp-replaced = Second factor (TOTP) replaced
history-totp-removed = Second factor (TOTP) removed
history-totp-ok = Code (TOTP) confirmed
history-totp-failed = Incorrect code (TOTP)
history-totp-locked = Code entry blocked
history-recovery-codes-generated = Recovery codes generated
history-recovery-code-used = Recovery code used
history-recovery-code-failed = Incorrect recovery code

mail-factor-added-subject = New login factor in your account
mail-factor-added-body =
    Hello,

    A new login factor was set up in your Jobcenter Digital account on { $when }: { $factor }.

    If this was not you, please change your password immediately, check your login factors and contact your Jobcenter:

    { $settings }

    Kind regards,

    Your Jobcenter
mail-factor-removed-subject = Login factor removed from your account
mail-factor-removed-body =
    Hello,

    A login factor was removed from your Jobcenter Digital account on { $when }: { $factor }.

    If this was not you, please change your password immediately and contact your Jobcenter:

    { $settings }

    Kind regards,

    Your Jobcenter
mail-recovery-used-subject = Recovery code used
mail-recovery-used-body =
    Hello,

    A recovery code was used to log in to your Jobcenter Digital account on { $when }. Codes not used yet: { $left }.

    If this was not you, please change your password immediately, generate new recovery codes and contact your Jobcenter:

    { $settings }

    Kind regards,

    Your Jobcenter
mail-new-browser-subject = Login from a new browser
mail-new-browser-body =
    Hello,

    On { $when }, someone logged in with your login details from a browser we had not seen before: { $browser }, IP address { $ip }.

    If this was you, you do not need to do anything. If not, end the session, change your password immediately and contact your Jobcenter:

    { $sessions }

    Kind regards,

    Your Jobcenter
