## Help and legal pages: one paragraph per line of the body.
page-hilfe-title = Help
page-hilfe-body =
    Here you will find answers to frequently asked questions about logging in to Jobcenter Digital.
    Choose a topic. If you get stuck, your Jobcenter will be happy to help you in person or by phone.
page-hilfe-anmeldung-title = Help with login problems
page-hilfe-anmeldung-body =
    Have you forgotten your password? Select “Forgot password” on the login page. We will send you a link that you can use to set a new password. The link is valid for one hour.
    You no longer know which email address or username you registered with? Select “Forgot username / email address”.
    You have not received a confirmation email? Check your spam folder. On the page “Request a new confirmation link” you can request a new link. Unconfirmed registrations are deleted after 7 days.
    After several incorrect attempts, logging in is blocked for 15 minutes for security reasons. Please wait and then try again.
    After 30 minutes without activity, you are logged out automatically. You can see the time remaining at the top of every page; select “Extend session” to stay logged in.
    If you no longer have your login details, please go to a member of staff at your Jobcenter and bring your ID. After checking your ID, they can restore your access.
    Our service line is available Monday to Friday from 8 am to 6 pm. People with hearing impairments will find information on the page “Sign language”.
page-hilfe-mfa-title = Information about multi-factor authentication
page-hilfe-mfa-body =
    Since 29 April 2025, you need a second factor every time you log in to the portal. This protects your data, even if someone knows your password.
    A second factor is something that only you have: for example, your smartphone with an authenticator app, or a passkey on your device.
    After your first login, we will guide you through the setup step by step. You can choose between the Secure app, a second factor (TOTP) with an authenticator app, and passkeys.
    Keep the recovery codes you receive during setup in a safe place. They let you into your account if you lose your device.
page-hilfe-passkeys-title = Help and information about passkeys
page-hilfe-passkeys-body =
    Passkeys are secure digital keys. You create them with your fingerprint, face recognition or the PIN of your device, and use them to log in without a username and password.
    A passkey stays on your device or in your password manager. The Jobcenter only receives a public key, which would be of no use to anyone if it were stolen.
    You can set up to 10 passkeys per account, for example for your smartphone and your computer. You can rename and delete passkeys in your account settings.
    If you have a passkey, you can remove the password from your account. You can then only log in with the passkey.
page-hilfe-totp-title = Help and information about the second factor (TOTP)
page-hilfe-totp-body =
    TOTP stands for “time-based one-time password”. An authenticator app or a password manager generates a new 6-digit code every 30 seconds.
    Common authenticator apps are suitable, as are hardware keys with OATH support.
    During setup, you scan a QR code or copy the key shown into the app. You then enter the current code to confirm.
    Every time you log in, you enter the current code from the app after your password. Each code can only be used once.
    Make sure that the time on your smartphone is set automatically. Otherwise the codes will not match.
page-datenschutz-title = Privacy policy
page-datenschutz-body =
    The body responsible for processing your data in Jobcenter Digital is your Jobcenter, as a joint institution (gemeinsame Einrichtung) under Section 44b of the Second Book of the German Social Code (SGB II).
    Processing of registration data: For your account, we store your email address, a username if you wish, your password only as an irreversible hash value (Argon2id), and the time and version of your consents. We use your email address to confirm your registration, to help you if you need to reset your access, and to inform you about security-related events.
    For your security, we store the time, IP address and browser when you log in and when changes are made to your account. You can see these entries yourself under “Active sessions” and in the history.
    We delete unconfirmed registrations after 7 days. If you delete your account, we remove your login details; log entries are only kept without any link to your email address.
    Right to withdraw consent: You can withdraw your consent to the processing of your email address at any time, without giving reasons, with effect for the future, by deleting your account in the account settings or by contacting your Jobcenter.
    You have the right of access, rectification, erasure and restriction of processing, as well as the right to lodge a complaint with the Federal Commissioner for Data Protection and Freedom of Information (Bundesbeauftragte für den Datenschutz und die Informationsfreiheit).
    This website only uses a technically necessary session cookie and a cookie for the language you have chosen. There is no advertising and no tracking.
page-nutzungsbedingungen-title = Terms of use
page-nutzungsbedingungen-body =
    Jobcenter Digital is the online service of your Jobcenter. Using it is free of charge and voluntary; you can also deal with all your matters in person, by phone or in writing.
    Your account is personal. Do not pass on your password or your second factor to anyone. Anyone who is to act on your behalf needs a power of attorney (Vollmacht) and an account of their own.
    Log out after use, especially on devices that are not your own. After 30 minutes without activity, we log you out automatically.
    We may temporarily block access if misuse is suspected, and we will then inform you by email.
    We do our best to keep the service available at all times, but we cannot guarantee this. If in doubt, also meet deadlines in writing or in person.
page-barrierefreiheit-title = Accessibility statement
page-barrierefreiheit-body =
    Jobcenter Digital is meant to be usable by everyone. The portal is designed in accordance with the German Barrier-Free Information Technology Ordinance (BITV 2.0) and the Web Content Accessibility Guidelines (WCAG 2.1, level AA).
    Every page is tested automatically with an accessibility testing tool whenever it is changed. All functions can be operated with the keyboard and also work without JavaScript, except logging in with passkeys.
    The portal is available in German, English and Ukrainian. Information is also available in Easy Read (Leichte Sprache) and in sign language.
    If you notice any barriers, please write to us or call us. We will reply within six weeks. If you are not satisfied with the reply, you can contact the conciliation body (Schlichtungsstelle) under Section 16 of the German Disability Equality Act (Behindertengleichstellungsgesetz).
page-impressum-title = Legal notice
page-impressum-body =
    Jobcenter Digital is a service of the Jobcenters, which are joint institutions of the Federal Employment Agency (Bundesagentur für Arbeit) and the municipal authorities under Section 44b SGB II.
    You will find the address, the authorised representatives and the supervisory authority of your Jobcenter in the letter with which you received your activation code (Freischaltcode).
    This portal is under construction. Content and functions are being added all the time.
page-leichte-sprache-title = Easy Read
page-leichte-sprache-body =
    Here we explain Jobcenter Digital in easy words.
    Jobcenter Digital is a website of the Jobcenter.
    On the website you can do things with the Jobcenter. For example: Read letters. See appointments. Make applications.
    For this you need an account.
    This is how you get an account: You need an email address. You think of a password. The password is secret. You do not tell anyone.
    Then you get an email. In the email there is a link. You click on the link. Then your account is ready.
    This is how you log in: You write your email address and your password. Then you click on “Log in”.
    You forgot your password? Then click on “Forgot password”. You get an email. Then you can make a new password.
    You need help? Then go to your Jobcenter. Take your ID with you. The people at the Jobcenter will help you.
page-gebaerdensprache-title = Sign language
page-gebaerdensprache-body =
    You can get information about Jobcenter Digital in German Sign Language (Deutsche Gebärdensprache, DGS) at your Jobcenter. On request, your Jobcenter will arrange a sign language interpreter for your appointments free of charge.
    If you have questions about logging in, you can also reach our service through the sign language video telephony of the Federal Employment Agency (Bundesagentur für Arbeit), and by email and fax.
    Please tell your Jobcenter if you would like to receive letters and messages in a form that is accessible to you.
