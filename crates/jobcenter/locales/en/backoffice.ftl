# Back office (ADM-1 … ADM-5, MFA-70, PRF-2, OKO-3)

bo-role-service = Service desk
bo-role-leistung = Benefits
bo-role-vermittlung = Placement
bo-role-admin = Administrators

bo-nav-label = Back office
bo-nav-start = Overview
bo-nav-search = Find clients
bo-nav-new-client = Create client record
bo-nav-print = Print jobs
bo-signed-in-as = Signed in as { $name }

bo-forbidden-title = No access
bo-forbidden-text = This page is reserved for jobcenter staff with the matching role.
bo-forbidden-method = For the back office, please log in with your password and a code (TOTP) or with a passkey – not with a recovery code and not with the Secure-App. Log out and log in again to do so.

bo-start-title = Back office
bo-start-office = Office: { $office }
bo-start-roles = Your roles:

bo-search-title = Find clients
bo-search-label = Customer number or name
bo-search-hint = For example 123A456789 or Müller
bo-search-submit = Search
bo-search-hits = Results: { $count }
bo-search-error-short = Please enter at least two letters or digits.
bo-search-purpose-note = The list shows only what is needed to tell records apart. When you open a record you state the purpose; the access is logged.

bo-field-kundennummer = Customer number
bo-field-name = Full name
bo-field-given = First name
bo-field-family = Last name
bo-field-birth = Date of birth
bo-field-birth-hint = As DD.MM.YYYY, for example 12.03.1985
bo-field-street = Street and house number
bo-field-postcode = Postcode
bo-field-city = Town
bo-field-address = Address
bo-field-bg = Benefit community number (Bedarfsgemeinschaft)
bo-field-bg-hint = For example 12345BG1234567
bo-field-office = Office
bo-field-pap = Personal contact (Your contact)
bo-field-pap-none = None yet
bo-field-channel = Communication channel
bo-field-account = Linked account

bo-new-title = Create client record
bo-new-intro = The customer number is assigned on creation. All fields except the contact person are required.
bo-new-submit = Create client record
bo-new-error-given-empty = Please enter the first name.
bo-new-error-family-empty = Please enter the last name.
bo-new-error-name-chars = A name may only contain letters, spaces, hyphens, full stops and apostrophes (at most 100 characters).
bo-new-error-birth-empty = Please enter the date of birth.
bo-new-error-birth-format = Please enter the date of birth as DD.MM.YYYY.
bo-new-error-birth-range = The date of birth must be in the past and after 01.01.1900.
bo-new-error-street = Please enter street and house number (at most 200 characters).
bo-new-error-postcode = Please enter a postcode of five digits.
bo-new-error-city = Please enter the town (at most 100 characters).
bo-new-error-bg-empty = Please enter the benefit community number.
bo-new-error-bg-format = Please enter the benefit community number as 12345BG1234567.
bo-new-error-pap = Please choose a contact person of your office.
bo-new-error-duplicate = A client record for this person already exists (customer number { $kundennummer }).

bo-purpose-title = Purpose of access
bo-purpose-intro = You are opening client record { $kundennummer }. Every access to social data is logged with its purpose.
bo-purpose-label = Purpose
bo-purpose-hint = Choose why you are looking at the data.
bo-purpose-choose = Please choose
bo-purpose-submit = Continue
bo-purpose-error = Please choose a purpose from the list.
bo-purpose-vorsprache = Visit in person
bo-purpose-telefon = Telephone enquiry
bo-purpose-schriftlich = Written enquiry or post
bo-purpose-neuanlage = Creating the client record
bo-purpose-freischaltcode = Issuing an activation code
bo-purpose-zugangshilfe = Access help
bo-purpose-leistung = Processing benefits
bo-purpose-vermittlung = Counselling and placement
bo-purpose-pruefung = Reviewing the access log

bo-record-title = Client record
bo-record-purpose = Purpose of this access: { $purpose }
bo-record-more = Further tasks
bo-channel-online = Online communication active
bo-channel-paper = Post (no online communication)
bo-account-none = Not linked to an account yet
bo-pap-heading = Your contact
bo-pap-none = No personal contact assigned yet.

bo-code-heading = Activation code
bo-code-none = No activation code has been issued yet.
bo-code-live = An activation code is valid until { $when }.
bo-code-expired = The last activation code expired on { $when }.
bo-code-used = The last activation code was redeemed on { $when }.
bo-code-issue-title = Issue activation code
bo-code-intro = A new activation code voids any earlier code not yet redeemed.
bo-code-request = How was the activation code requested?
bo-code-request-person = In person
bo-code-request-phone = By telephone (sent by post to the address)
bo-code-request-online = Online (sent by post to the address)
bo-code-id-checked = I have checked the identity against an official ID document.
bo-code-days = Validity in days
bo-code-days-hint = Default: 30 days, at most 90
bo-code-issue = Issue activation code
bo-code-issued-title = Activation code issued
bo-code-once = The activation code is shown only now. Print the letter before you leave this page.
bo-code-is = The activation code is:
bo-code-valid-until = Valid until { $date }
bo-code-letter = Download letter (PDF)
bo-back-to-record = Back to the client record
bo-code-error-request = Please choose how the activation code was requested.
bo-code-error-id = Please confirm that you have checked the identity against an ID document.
bo-code-error-days = Please enter a validity between 1 and 90 days.

bo-access-title = Access log
bo-access-when = Time
bo-access-who = Staff member
bo-access-what = Access
bo-access-why = Purpose
bo-what-akte = Client record viewed
bo-what-freischaltcode = Activation code issued
bo-what-brief = Activation code letter created
bo-what-zugangshilfe = Access help given
bo-what-zugriffsprotokoll = Access log viewed
bo-what-druck = Letter marked as printed

bo-help-title = Access help
bo-help-account = Account: { $email }
bo-help-intro = If the client no longer has their login details, you can, after checking their ID, reset the second factors or issue one-time access data. The client receives an e-mail.
bo-help-id-checked = I have checked the identity against an official ID document.
bo-help-action = Action
bo-help-reset = Reset second factors
bo-help-reset-hint = Removes TOTP, passkeys and recovery codes and ends all sessions. After the next login with the password a new factor must be set up.
bo-help-one-time = Issue one-time access data
bo-help-one-time-hint = As above, and a one-time password replaces the current password. It is valid for one login; afterwards a new factor must be set up.
bo-help-submit = Give access help
bo-help-no-account = No account belongs to this client record yet. Issue an activation code instead.
bo-help-error-id = Please confirm that you have checked the identity against an ID document.
bo-help-error-action = Please choose an action.
bo-help-done = Access help was given. The client has been informed by e-mail.

bo-onetime-title = One-time access data
bo-onetime-once = The one-time password is shown only now. Hand it to the client in person.
bo-onetime-login = Login name
bo-onetime-password = One-time password
bo-onetime-valid = Valid until
bo-onetime-explain = The one-time password allows exactly one login. Afterwards a new second factor must be set up; a password of their own is set in the account settings under "Change password".

bo-print-title = Print jobs
bo-print-intro = Letters to clients without online communication. They are printed and sent by post.
bo-print-empty = There are no open print jobs.
bo-print-created = Created
bo-print-recipient = Recipient
bo-print-letter = Letter
bo-print-action = Action
bo-print-mark = Mark as printed

mail-access-help-reset-subject = Second factors of your account reset
mail-access-help-reset-body =
    Hello,

    at your request your jobcenter ({ $office }) reset the second factors of your account on { $when } after checking your ID.

    Please set up a new second factor when you next log in:

    { $login }

    If you did not ask for this, please contact your jobcenter immediately.
mail-access-help-one-time-subject = One-time access data issued for your account
mail-access-help-one-time-body =
    Hello,

    at your request your jobcenter ({ $office }) issued one-time access data for your account on { $when } after checking your ID. You received the one-time password in person; your previous password and second factors are no longer valid.

    Log in with the one-time password and then set up a new second factor:

    { $login }

    If you did not ask for this, please contact your jobcenter immediately.

# Account history ("Verlauf") entries of back-office actions.
history-access-help-factors-reset = Access help: second factors reset by the jobcenter
history-access-help-one-time-access = Access help: one-time access data issued by the jobcenter
history-staff-granted = Back-office roles granted

# Staff of the office (admins).
bo-nav-staff = Staff
bo-staff-title = Staff of the office
bo-staff-email = E-mail address
bo-staff-roles = Roles
bo-staff-status = State
bo-staff-active = active
bo-staff-inactive = deactivated
bo-staff-activate = Activate
bo-staff-deactivate = Deactivate
bo-staff-new = Create staff account
bo-staff-new-intro = The new account gets one-time access data that you hand over in person. The first login sets up a second factor.
bo-staff-name-hint = How colleagues and clients see the name ("Your contact").
bo-staff-phone = Telephone
bo-staff-create = Create staff account
bo-staff-created-title = Staff account created
bo-staff-back = Back to the staff list
bo-staff-error-email = Please enter a valid e-mail address.
bo-staff-error-name = Please enter the name (at most 100 characters).
bo-staff-error-roles = Please choose at least one role.
bo-staff-error-exists = An account with this e-mail address already exists.
history-staff-activated = Staff account activated
history-staff-deactivated = Staff account deactivated

# Form definitions and their preview (APP-2), for admins.
bo-nav-forms = Forms
bo-formulare-title = Form definitions
bo-formulare-intro = Every stored version of the eServices. An application stays on the version it was started with; new applications start on the active version.
bo-formulare-titel = Title
bo-formulare-schluessel = Key
bo-formulare-version = Version
bo-formulare-stand = State
bo-formulare-team = Team
bo-formulare-geladen = Loaded on
bo-formulare-recht = Right for representatives
bo-formulare-recht-keins = None: only the client themselves
bo-formulare-stand-entwurf = Draft
bo-formulare-stand-live = Active
bo-formulare-stand-archiviert = Archived
bo-formulare-cli-titel = Changing definitions
bo-formulare-cli-intro = Definitions are loaded, activated and archived on the server with the command-line tool (docs/FORMULARE.md).
bo-formulare-cli-laden = Checks the file and stores it as a draft; every problem is named with its place.
bo-formulare-cli-aktivieren = Makes the version active; the version active before is archived.
bo-formulare-cli-archivieren = Archives the version: no new applications, drafts already started can no longer be sent.
bo-formulare-cli-liste = Shows every stored version with its state.
bo-formulare-zurueck = Back to the form definitions
bo-formulare-vorschau-title = Preview: { $titel } (version { $version })
bo-formulare-vorschau-intro = This is how clients see the steps. The preview shows every field, including those asked only under a condition; the condition is shown above it.
bo-formulare-sprache = Language of the preview
bo-formulare-hinweis = Legal note
bo-formulare-bearbeitung = After sending
bo-formulare-anhaenge = Supporting documents
bo-formulare-keine-anhaenge = This form asks for no supporting documents.
bo-formulare-pflicht = Required: the application cannot be sent without this document
bo-formulare-freiwillig = Can be sent later
bo-formulare-schritt = Step { $nummer } of { $gesamt } ({ $id })
bo-formulare-nur-wenn = Only if { $bedingung }
bo-formulare-liste = Asked as often as { $feld } says; the preview shows one entry.
bo-formulare-feld = “{ $label }” ({ $name })
bo-formulare-zitat = “{ $text }”
bo-formulare-ist = { $feld } is “{ $wert }”
bo-formulare-in = { $feld } is one of: { $werte }
bo-formulare-enthaelt = { $feld } contains “{ $wert }”
bo-formulare-beantwortet = { $feld } is answered
bo-formulare-unbeantwortet = { $feld } is not answered
bo-formulare-nicht = not: { $bedingung }
bo-formulare-und = and
bo-formulare-oder = or
