# Portal: choose profile, activation code, profile, online communication, history (PRF, OKO, POR-1)

layout-profile = Profile

portal-kundennummer = Customer number: { $nummer }
portal-back = Back
portal-back-to-profile = Back to the profile
portal-phone = Phone

## Choose profile (PRF-1) and manage profiles (PRF-5)
portal-select-title = Choose a profile
portal-select-own = Your profiles
portal-select-choose = Choose
portal-select-profile-aria = Choose the profile of { $name }
portal-select-without = Continue as a private person without a profile
portal-select-without-text = I act for myself and only want to use the public information (e.g. help and information).
portal-select-code = Activation code
portal-select-code-text = You have been in contact with your jobcenter and received an activation code.
portal-select-new = Create a new profile
portal-select-new-text = Create or activate a new profile
portal-select-new-how = Your jobcenter creates your profile for you after you have identified yourself with your ID. With the letter you receive an activation code that activates the profile here. You can request the activation code from your jobcenter in person, by phone or online.
portal-select-new-link = Activate a profile
portal-profiles-title = Manage profiles
portal-profiles-intro = These are the profiles you can act for with this account. The default profile opens after login.
portal-profiles-none = This account has no profile yet. Activate your profile with the activation code from your jobcenter's letter.
portal-profiles-default = Default profile
portal-profiles-current = This profile is open now.
portal-profiles-make-default = Make default profile
portal-profiles-default-set = The default profile was changed.
portal-profiles-add = + Add a profile
portal-profiles-add-hint = You add another profile with an activation code.
portal-profile-switch = Switch profile

## Activation code (PRF-3, PRF-4)
portal-code-title = Activate online services
portal-code-intro = Your activation code gives you access to our online services.
portal-code-heading = Enter the activation code
portal-code-text = Please enter the 12-character activation code you received with our letter. It consists of digits and capital letters, for example: HET2-2X8A-UXAS.
portal-code-label = Activation code *
portal-code-hint = With or without dashes; upper or lower case does not matter.
portal-code-submit = Activate
portal-code-request = You can request an activation code from your jobcenter in person, by phone or online. It is handed to you after you show your ID, or sent by post.
portal-code-error-empty = Please enter the activation code.
portal-code-error-format = The activation code consists of 12 digits and capital letters, for example: HET2-2X8A-UXAS. Please check your input.
portal-code-error-wrong = This activation code is not valid. Please check your input. If you received a newer activation code, only that one is valid.
portal-code-error-expired = This activation code has expired. Please request a new activation code from your jobcenter.
portal-code-error-used = This activation code has already been used. Each activation code works only once. If you did not enter it yourself, please contact your jobcenter.
portal-code-error-limit = You have entered an activation code too often. Please try again in an hour.
portal-success-title = Activation successful
portal-success-heading = Activation successful
portal-success-text = You now have access to the corresponding eServices.
portal-success-to-profile = To the profile

## Profile (POR-1)
portal-profile-title = Profile
portal-contact-communication = Contact and communication
portal-options-teaser = Set up e-mail and text message notifications.
portal-office = Your local office
portal-office-text = We are here for you. Get in touch with us.
portal-contact = Your contact person
portal-contact-name = Full name

## Edit profile (PRF-6)
portal-edit-title = Edit profile
portal-edit-data = Your details
portal-data-name = Full name
portal-data-birth-date = Date of birth
portal-data-address = Address
portal-data-kundennummer = Customer number
portal-data-bg = Household number (Bedarfsgemeinschaft)
portal-edit-data-hint = Your jobcenter keeps these details. If something has changed, please tell your jobcenter (in person, by phone or by post); it will then appear here.
portal-edit-options = Communication options
portal-edit-email = E-mail notification
portal-edit-email-hint = E-mail about new messages
portal-edit-sms = Text message notification
portal-edit-sms-hint = Text message about upcoming appointments
portal-edit-mobile = Mobile number
portal-edit-mobile-hint = For text message notifications, for example 0170 1234567 or +49 170 1234567.
portal-edit-save = Save
portal-edit-saved = Your communication options were saved.
portal-edit-error-mobile-missing = For text message notifications, please enter your mobile number.
portal-edit-error-mobile-format = Please enter a German mobile number, for example 0170 1234567.
portal-edit-online = Online communication
portal-edit-online-hint = Receive content digitally
portal-edit-online-link = Change online communication
portal-sms-confirm = Jobcenter Digital: From now on you will receive text messages about upcoming appointments. You can turn this off under "Edit profile".

## Online communication (OKO-1, OKO-2)
portal-oko-title = Online communication
portal-oko-banner-heading = Get started now: communicate fully online
portal-oko-banner-text = Informed faster, connected digitally - with your consent to online communication.
portal-oko-banner-link = Activate now
portal-oko-intro = Without your explicit consent we do not actively place personal content in your profile. This includes documents (decisions, certificates, letters), applications and messages in the benefits mailbox.
portal-oko-statement-1 = I have been informed that the online communication function cannot be used without an e-mail address. If I do not give my consent, I suffer no disadvantage, as I can receive the information by post, by phone or in person. I have also been informed that I can withdraw my consent to the processing of my e-mail address at any time, without giving reasons and with effect for the future, by switching off online communication.
portal-oko-statement-2 = The employment agency/joint institution is required by law to protect access to information according to its content. Particularly sensitive data cannot be viewed after a login with user name/password. This requires a login with special means of identification (e.g. ELSTER certificate or ID card with online function). More information is given in the concept of levels of assurance. I take note that I need special means of identification for online access to sensitive data. I am responsible for keeping them working (valid ID card, known PIN, etc.) so that I can retrieve the information provided within the applicable deadlines.
portal-oko-statement-3 = I waive delivery by post. For administrative processes that are not yet digital you will still receive the documents by post.
portal-oko-status = Status of online communication
portal-oko-switch-label = Online communication:
portal-oko-on = On
portal-oko-off = Off
portal-oko-save = Save status
portal-oko-since = Last changed on { $when }.
portal-oko-status-on-text = Documents (decisions, certificates, letters), applications and messages in the benefits mailbox are provided to you online only. For processes that are not yet digital you will still receive documents by post.
portal-oko-status-off-text = Online communication is not activated. You receive documents by post.
portal-oko-now-on = Online communication is activated.
portal-oko-now-off = Online communication is deactivated. You will receive documents by post again.
portal-oko-error-unconfirmed = For online communication, please confirm your e-mail address first.

## Profile history (PRF-7)
portal-history-title = History
portal-history-intro = What happened in your profile, newest first.
portal-history-by = By
portal-history-account = Logins and the security of your account are in the history of the account settings.
portal-actor-client = You
portal-actor-staff = Your jobcenter
portal-actor-representative = Your representative
portal-actor-system = Automatically
portal-event-other = Other change
portal-event-activated = Profile activated with an activation code
portal-event-online-consent-granted = Online communication activated
portal-event-online-consent-revoked = Online communication deactivated
portal-event-communication-options-changed = Communication options changed
portal-event-client-created = Customer record created
portal-event-code-issued = Activation code issued
portal-event-access-help-factors-reset = Second factors reset by the jobcenter
portal-event-access-help-one-time-access = One-time access data issued by the jobcenter

## Account history (account settings)
history-profile-activated = Profile activated
history-activation-code-refused = Activation code refused
history-profile-switched = Profile switched
history-profile-default-set = Default profile changed
history-online-consent-granted = Online communication activated
history-online-consent-revoked = Online communication deactivated
history-communication-options-changed = Communication options changed
history-profile-moved-away = Profile moved to another account by a new activation code
