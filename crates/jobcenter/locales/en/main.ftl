## Layout
layout-skip = Skip to content
layout-nav-service = Service navigation
layout-nav-footer = More information
layout-sign-language = Sign language
layout-easy-language = Easy Read
layout-login = Log in
layout-logout = Log out
layout-session-left = Time until automatic logout:
layout-minutes = { $minutes } min.
layout-session-extend = Extend session
layout-session-warning = Your session will expire soon. Select “Extend session” to stay logged in.

## Forms
form-required-note = Please fill in all fields marked with *
form-error-summary = Please correct the following:
form-cancel = Cancel
form-email-empty = Please enter your email address.
form-email-too-long = The email address is too long (maximum 254 characters).
form-email-invalid = Please enter a valid email address, for example name@example.com.
form-password-rules = The password does not yet meet all requirements. The requirements not yet met are marked with ×.
form-password-repeat-mismatch = The two passwords do not match.
form-password-contains-email = The password must not contain your email address (the part before the @).
form-password-too-common = This password is too easy to guess because it is very common or follows a simple pattern. Please choose a different one.
error-rate-limited-hour = Too many requests. Please try again in an hour.

## Password checklist (ACC-3)
pw-rules-intro = Enter a password. It must meet the following requirements:
pw-rule-length = 12 to 128 characters long
pw-rule-upper = At least one capital letter (A - Z)
pw-rule-lower = At least one lowercase letter (a - z)
pw-rule-digit = At least one digit (0 - 9)
pw-rule-special = At least one of the following special characters: { $chars }
pw-rule-allowed = Only allowed characters: A - Z, a - z, 0 - 9 and the special characters listed above
pw-rule-repeat = Password repeated correctly
pw-rule-met = (met)
pw-rule-open = (not met)

## Start
start-title = Home
start-heading = Welcome to Jobcenter Digital
start-intro = Deal with your Jobcenter matters online: securely, at any time and without waiting.
start-login-heading = Already have an account?
start-login-text = Log in with your email address or your username.
start-register-heading = No account yet?
start-register-text = Registering only takes a few minutes. All you need is an email address.
start-steps-heading = How it works
start-step-1 = Create a user account and confirm your email address
start-step-2 = Set up a second factor so that only you can log in
start-step-3 = Enter the activation code (Freischaltcode) from your Jobcenter
start-step-4 = Activate online communication
start-help = Help and information

## Login (ACC-1)
login-title = Log in
login-intro = Please log in with your login details:
login-identifier = Username / email address
login-password = Password
login-submit = Log in
login-back = ← Back
login-no-account = No account yet?
login-register-now = Register now
login-link-mfa-info = Information about multi-factor authentication
login-link-help = Help with login problems
login-link-passkeys = Help and information about passkeys
login-link-totp = Help and information about the second factor (TOTP)
login-error-identifier-empty = Please enter your username or email address.
login-error-password-empty = Please enter your password.
login-error-wrong = The username / email address or password is incorrect. Please check what you entered.
login-error-rate-limited = Too many login attempts. For security reasons, logging in is blocked for 15 minutes. Please try again later or reset your password.
login-unconfirmed-heading = Your email address has not been confirmed yet.
login-unconfirmed-text = Please open the link in the email we sent you after you registered. You can request a new link.
login-notice-password-reset = Your password has been changed. Please log in with your new password.
login-notice-logged-out = You have logged out.
login-notice-all-ended = You have been logged out on all devices.

## Registration (ACC-2 … ACC-5)
register-title = Registration
register-intro = Register to use the online services of Jobcenter Digital.
register-section-email = Email address
register-section-password = Password
register-section-consent = Agreement and consent
register-email = Email address *
register-email-hint = Please enter your email address.
register-password = Password *
register-password-repeat = Repeat password *
register-consent-intro = To register, we need you to accept our terms of use and to consent to the use of your email address.
register-consent-terms-html = I have read and accept the <a class="kern-link" href="/seite/nutzungsbedingungen">terms of use</a>. *
register-consent-email-html = I consent to the Jobcenter collecting and processing my email address as described in the chapter “Processing of registration data” of the <a class="kern-link" href="/seite/datenschutz">privacy policy</a>. As described in the chapter “Right to withdraw consent” of the privacy policy, I can withdraw this consent at any time, without giving reasons, with effect for the future. *
register-submit = Register
register-error-terms = Please accept the terms of use.
register-error-email-consent = Please consent to the processing of your email address.
register-error-rate-limited = Too many registrations have been sent from your connection. Please try again in an hour.
register-success = You have registered successfully.
register-next-step = Your next step:
register-next-confirm = Please confirm your email address
register-next-open-mail = To do this, open the email we have just sent to this email address.
register-no-mail = No email received? Please also check your spam folder.
register-feedback-question = How did you like the registration process?
register-feedback-hint = 1 = not at all, 5 = very much. Answering is voluntary and anonymous.
register-feedback-submit = Send rating
register-feedback-error = Please choose a rating from 1 to 5.
register-feedback-thanks = Thank you for your feedback.

## E-mail confirmation (ACC-6, ACC-7)
confirm-title = Confirmation of your email address
confirm-success = You have successfully confirmed your email address.
confirm-success-text = You can now log in to Jobcenter Digital with this email address and use our online services.
confirm-to-login = Go to login
confirm-link-invalid-heading = This link has expired or has already been used.
confirm-link-invalid-text = Confirmation links are valid for 24 hours and can only be used once. Please request a new link.
resend-title = Request a new confirmation link
resend-intro = Enter the email address you registered with. We will send you a new link.
resend-submit = Send new link
resend-sent-heading = We have received your request.
resend-sent-text = If there is an unconfirmed registration for { $email }, you will receive an email with a new link within a few minutes. The link is valid for 24 hours.

## Forgotten password (ACC-10)
forgot-title = Forgot password
forgot-intro = Enter your username or your email address. We will send you a link that you can use to set a new password.
forgot-submit = Request link
forgot-sent-heading = We have received your request.
forgot-sent-text = If an account exists for what you entered, you will receive an email with a link within a few minutes. The link is valid for one hour and can only be used once.
forgot-sent-hint = Your second factor stays in place: you will be asked for it as usual the next time you log in.
reset-title = Set a new password
reset-intro = Set a new password. You will then be logged out on all devices.
reset-submit = Save password
reset-link-invalid-heading = This link has expired or has already been used.
reset-link-invalid-text = Password reset links are valid for one hour and can only be used once. Please request a new link.
reset-request-new = Request a new link

## Forgotten user name (ACC-11)
reminder-title = Forgot username / email address
reminder-intro = Enter your email address or your username. We will send your login details to the email address stored in your account.
reminder-hint = For example name@example.com or your username
reminder-submit = Send login details
reminder-error-empty = Please enter your email address or your username.
reminder-sent-heading = We have received your request.
reminder-sent-text = If an account exists for what you entered, we will send the username and email address to the stored email address.
reminder-no-access = If you no longer have your login details and no longer have access to your email address either, please go to a member of staff at your Jobcenter and bring your ID.
reminder-no-username = (no username set – you log in with your email address)

## Account settings (ACC-11, ACC-12, MFA-60)
settings-title = Account settings
settings-back = Back to account settings
settings-access = Login details
settings-password = Password
settings-change-email = Change email address
settings-current-password = Current password *
settings-error-current-password = The current password is incorrect.
settings-passwordless-note = Your account has no password. Your login with the passkey confirms the change; it must be no more than 10 minutes ago.
settings-error-reauth = Your login with the passkey was more than 10 minutes ago. Please log out and log in again with your passkey to confirm this change.
settings-username = Username
settings-username-intro = With a username, you can also log in without your email address. Leave the field empty to remove the username.
settings-username-hint = 3 to 30 characters: letters (A - Z, a - z), digits, full stop, hyphen and underscore; it must start with a letter.
settings-username-save = Save username
settings-language = Language
settings-language-label = Language for pages and emails
settings-language-save = Save language
settings-sessions-intro = See where you are logged in and, if necessary, log out everywhere.
settings-sessions-link = Show active sessions
settings-delete-intro = You can delete your account at any time.
settings-notice-password-changed = Your password has been changed. You have been logged out on all other devices.
settings-notice-username-saved = Your username has been saved.
settings-notice-username-removed = Your username has been removed.
settings-notice-language-saved = Your language has been saved.
settings-notice-email-requested = We have sent a confirmation link to the new email address. The change takes effect as soon as you open the link.
settings-notice-email-changed = Your email address has been changed.
settings-notice-session-ended = The session has been ended.
username-error-length = The username must be 3 to 30 characters long.
username-error-characters = The username may only contain letters (A - Z, a - z), digits, full stops, hyphens and underscores.
username-error-first = The username must start with a letter.
username-error-taken = This username is already taken. Please choose a different one.
password-change-title = Change password
password-change-intro = Enter your current password and then your new password twice. You will then be logged out on all other devices.
password-change-new = New password *
password-change-submit = Change password
email-change-title = Change email address
email-change-current = Your email address: { $email }
email-change-intro = We will send a confirmation link to the new email address. The change only takes effect when you open the link. We will let your previous address know about it.
email-change-new = New email address *
email-change-submit = Send confirmation link
email-change-error-same = This is already your email address.
email-change-done-heading = Your email address has been changed.
email-change-done-text = From now on, please log in with your new email address.
email-change-link-invalid-heading = This link has expired or has already been used.
email-change-link-invalid-text = Links for changing your email address are valid for 24 hours and can only be used once. Please request the change again.
email-change-again = Request the change again
sessions-title = Active sessions
sessions-intro = Here you can see all devices and browsers on which you are currently logged in. End any sessions you do not recognise and then change your password.
sessions-browser = Browser
sessions-address = IP address
sessions-since = Logged in since
sessions-last-seen = Last active
sessions-action = Action
sessions-this = This session
sessions-end = End
sessions-end-all = Log out everywhere
delete-title = Delete account
delete-warning-heading = Deleting your account cannot be undone.
delete-warning-text = Your account and your login details will be deleted. Your matters with the Jobcenter remain open and will continue to be handled by post. Anything we have to keep for legal reasons will be stored without your login details.
delete-confirm-label = I want to delete my account permanently. *
delete-error-confirm = Please confirm that you want to delete your account.
delete-error-staff = Staff accounts are not deleted by their owners: please contact the administration of your office.
delete-submit = Delete account permanently
delete-done-heading = Your account has been deleted.
delete-done-text = We have sent you a confirmation by email. You can create a new account at any time.
delete-done-home = Go to the home page

## Local mailbox (local mode only)
local-mail-title = Outbox (local)
local-mail-intro = This server runs without a mail server. All emails that the portal would send are listed here. This page only exists in local mode.
local-mail-empty = No emails yet.
local-mail-to = To
local-mail-sent = Sent
local-mail-back = Back to the outbox

## Errors
error-notfound-title = Page not found
error-notfound-heading = This page does not exist.
error-notfound-text = Please check the address or start again from the home page.
error-internal-title = Technical error
error-internal-heading = A technical error has occurred.
error-internal-text = Your entries are not lost if you go back. Please try again in a few minutes. If the error persists, please give the error number to the support team.
error-forbidden-title = Request refused
error-forbidden-heading = This request was refused for security reasons.
error-forbidden-text = The form was not sent from this page. Please open the page again and send the form once more.
error-too-large-title = Input too large
error-too-large-heading = Your input is too large and was not accepted.
error-too-large-text = A form may contain at most 256 KB of text in total. Please go back, shorten your answers and send the form again. Nothing of this input has been saved.
error-invalid-title = Invalid input
error-invalid-heading = Your input contains a character that is not allowed.
error-invalid-text = Please go back, check your answers and send the form again. Nothing of this input has been saved.
error-pending-title = Form being processed
error-pending-heading = This form has already been sent and is still being processed.
error-pending-text = Please do not send it again. Open the page again in a few seconds to see the result.
error-request-id = Error number:
error-to-start = Go to the home page

## Mails (subject, body; the footer is added to every mail)
mail-footer =
    Please do not reply to this email: it was sent automatically. We will be happy to answer your questions about your account by phone.
    To find out how to reach our technical support, see the page “Help with login problems” in the portal.
    Note: information about our service line for people with hearing impairments can also be found there.
mail-confirm-subject = Confirm your email address
mail-confirm-body =
    Hello,

    You entered the following email address in the Jobcenter Digital portal:

    { $email }

    Please confirm this email address by clicking on the following link:

    { $link }

    Important: Confirm your email address within 24 hours.

    Kind regards,

    Your Jobcenter
mail-exists-subject = Registration with your email address
mail-exists-body =
    Hello,

    Someone has tried to register in the Jobcenter Digital portal with your email address. An account already exists for this address.

    If this was you, simply log in:

    { $login }

    If you have forgotten your password, you can reset it here:

    { $reset }

    If this was not you, you do not need to do anything. Your account has not been changed.

    Kind regards,

    Your Jobcenter
mail-reset-subject = Your link to reset your password
mail-reset-body =
    Hello,

    You have requested a new password for your Jobcenter Digital account. Set it using this link:

    { $link }

    Important: The link is valid for one hour and can only be used once.

    If you did not request this, you do not need to do anything. Your password remains unchanged.

    Kind regards,

    Your Jobcenter
mail-password-changed-subject = Your password has been changed
mail-password-changed-body =
    Hello,

    The password for your Jobcenter Digital account has just been changed. For security reasons, you have been logged out on all other devices.

    If this was not you, reset your password immediately and contact your Jobcenter:

    { $login }

    Kind regards,

    Your Jobcenter
mail-reminder-subject = Your login details
mail-reminder-body =
    Hello,

    You have requested your login details for Jobcenter Digital.

    Email address: { $email }
    Username: { $username }

    To log in:

    { $login }

    If you did not request this, you do not need to do anything.

    Kind regards,

    Your Jobcenter
mail-email-change-confirm-subject = Confirm your new email address
mail-email-change-confirm-body =
    Hello,

    You would like to change the email address of your Jobcenter Digital account to this address. Please confirm the change using the following link:

    { $link }

    Important: Confirm the change within 24 hours.

    If this was not you, you do not need to do anything.

    Kind regards,

    Your Jobcenter
mail-email-change-requested-subject = Change of your email address requested
mail-email-change-requested-body =
    Hello,

    A change of the email address for your Jobcenter Digital account to { $email } has been requested. The change only takes effect once it has been confirmed using the link sent to the new address.

    If this was not you, please change your password immediately and contact your Jobcenter.

    Kind regards,

    Your Jobcenter
mail-email-changed-subject = Your email address has been changed
mail-email-changed-body =
    Hello,

    The email address for your Jobcenter Digital account has been changed to { $email }. From now on, we will no longer send any messages to this address.

    If this was not you, please contact your Jobcenter immediately and bring your ID.

    Kind regards,

    Your Jobcenter
mail-email-taken-subject = Your email address was entered for another account
mail-email-taken-body =
    Hello,

    Someone has tried to enter your email address in another Jobcenter Digital account. As an account already exists for your address, nothing has been changed.

    Your account:

    { $login }

    Kind regards,

    Your Jobcenter
mail-deleted-subject = Your account has been deleted
mail-deleted-body =
    Hello,

    Your Jobcenter Digital account has been deleted at your request. Your matters with the Jobcenter remain open and will continue to be handled by post.

    If this was not you, please contact your Jobcenter immediately and bring your ID.

    Kind regards,

    Your Jobcenter
