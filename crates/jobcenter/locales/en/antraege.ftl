## “Your cases” and the eServices (portal/antraege, APP-1 … APP-4)

antraege-title = Your cases
antraege-leer = You have not submitted or started any applications yet.
antraege-aktualisiert = Last updated
antraege-status = Status
antraege-weiterer = Show one more case
antraege-buergergeld = Bürgergeld
antraege-bewilligt-bis = Your Bürgergeld has been granted until { $datum }.
antraege-verlauf-buergergeld = Bürgergeld history
antraege-uebersicht-buergergeld = Bürgergeld overview
antraege-aktueller-bezug = Your current benefits
antraege-nicht-online = This function is not available online yet. Your jobcenter will be glad to give you information.
eservices-title = All eServices
eservices-intro = You can send these applications and notifications to your jobcenter online. You can stop at any time: your details are saved as a draft.
eservices-alle = Show all eServices

antrag-start-title = Application
antrag-start-intro = The form has { $anzahl } steps. You can choose “Save draft” at any time and continue later.
antrag-starten = Start application
antrag-hinweis = Important note
antrag-fortschritt = Step { $schritt } of { $gesamt }
antrag-weiter = Next
antrag-zurueck = Back
antrag-entwurf-speichern = Save draft
antrag-entwurf-gespeichert = Your draft has been saved. You will find it under “Your cases”.
antrag-entwurf-hinweis = This application has not been sent yet. You are still working on it.
antrag-fortsetzen = Continue editing
antrag-verwerfen = Delete draft
antrag-verworfen = The draft has been deleted.
antrag-ja = Yes
antrag-nein = No
antrag-eintrag = { $feld }: entry { $nummer }
antrag-bescheid = { $titel } of { $datum }
antrag-bescheid-mit-frist = { $titel } of { $datum } (objection until { $frist })

antrag-nachweise-title = Supporting documents
antrag-nachweise-intro = Please upload the supporting documents that belong to your details: PDF, JPG or PNG. Anything you do not have at hand now and that is not mandatory you can submit later.
antrag-nachweis-datei = Choose file for “{ $nachweis }”
antrag-pflicht = required
antrag-nachreichbar = can be submitted later
antrag-nachweise-aendern = Change supporting documents
antrag-keine-nachweise = No supporting documents uploaded.

antrag-zusammenfassung-title = Check your details
antrag-zusammenfassung-intro = Please check your details. “Change” takes you back to the question.
antrag-aendern = Change
antrag-noch-offen = Before you can send the application:
antrag-absenden = Send application
antrag-gesendet = Your application has been sent. You will find your confirmation of receipt on this page.
antrag-gesendet-am = Sent online on { $zeit }
antrag-quittung = Confirmation of receipt (PDF)
antrag-wie-weiter = What happens next?
antrag-bescheid-ansehen = Go to the decision
antrag-fuer-bg = for the household (Bedarfsgemeinschaft) { $bg }
antrag-vorgangsnummer = Case number { $nummer }
antrag-stufen = Processing status

antrag-status-entwurf = Being edited by you
antrag-status-gesendet = Sent online by you
antrag-status-eingegangen = Received
antrag-status-in-bearbeitung = Being processed
antrag-status-unterlagen-fehlen = Documents missing
antrag-status-entschieden = Decided
antrag-status-zurueckgezogen = Withdrawn
antrag-weiter-eingegangen = Your application has reached your jobcenter. A member of staff will process it. You do not need to do anything now.
antrag-weiter-in-bearbeitung = Your application is being processed. If anything is still missing, we will contact you.
antrag-weiter-unterlagen-fehlen = Some documents are still missing for processing. Please submit them by the stated deadline.
antrag-weiter-entschieden = A decision has been made on your application. You will find the decision under “Decisions and certificates”.
antrag-weiter-zurueckgezogen = The application was withdrawn at your request.

antrag-fehler-pflicht = Please answer “{ $feld }”.
antrag-fehler-zahl = Please enter a whole number for “{ $feld }”.
antrag-fehler-betrag = Please enter an amount in euros for “{ $feld }”, for example 1.234,56.
antrag-fehler-datum = Please enter a date for “{ $feld }”, for example 31.12.2026.
antrag-fehler-janein = Please choose Yes or No for “{ $feld }”.
antrag-fehler-iban = The IBAN for “{ $feld }” is not valid. Please check it.
antrag-fehler-format = Please check your entry for “{ $feld }”: it is not in the expected form.
antrag-fehler-zu-kurz = “{ $feld }” must be at least { $anzahl } characters long.
antrag-fehler-zu-lang = “{ $feld }” may be at most { $anzahl } characters long.
antrag-fehler-minimum = The smallest possible value for “{ $feld }” is { $wert }.
antrag-fehler-maximum = The largest possible value for “{ $feld }” is { $wert }.
antrag-fehler-auswahl = Please choose one of the options offered for “{ $feld }”.
antrag-fehler-unbekannt = The form does not recognise these entries: { $felder }.
antrag-fehler-regel = Please check your entry for “{ $feld }”.
antrag-fehler-nachweis = Please upload “{ $nachweis }”.
antrag-fehler-version = This form has been changed in the meantime. Please start the application again; your details will be carried over as far as they still fit.

portal-event-application-sent = Application sent online
portal-event-application-status = Processing status of an application changed
portal-event-documents-requested = Further documents requested
portal-event-documents-supplied = Further documents submitted
arbeit-art-antrag = Application

mail-antrag-eingang-subject = Your application has been received
mail-antrag-eingang-body = Hello,

    your application has reached your jobcenter. For data protection reasons this e-mail does not contain its content.

    After logging in you can see the processing status and your confirmation of receipt under “Your cases”:
    { $link }
antraege-entry-text = Submit applications, continue drafts and see the processing status.
antraege-entry-weiterbewilligung = Apply for continued benefits
antraege-veraenderung-mitteilen = Report a change
antrag-was-tun = What you need to do now
antrag-frist = Please do this by { $datum }
antrag-nachreichen-datei = Choose documents (PDF, JPG or PNG)
antrag-nachreichen = Send documents
antrag-nachgereicht = Thank you. Your documents have been sent.
antrag-nachreichen-fehler = The documents could not be accepted. Please send PDF, JPG or PNG files that are not damaged.
antrag-nachreichen-leer = Please choose at least one file.
bo-antrag-title = Application
bo-antrag-nummer = Case number
bo-antrag-gesendet = Sent online on
bo-antrag-anfragen = Further documents requested
bo-antrag-beantwortet = submitted on
bo-antrag-bearbeiten = Processing (visible to the client)
bo-antrag-in-bearbeitung = Set to “Being processed”
bo-antrag-anfrage-text = Which documents are missing?
bo-antrag-anfrage-frist = Deadline
bo-antrag-nachfordern = Request further documents
bo-antrag-bescheid = Decision (published beforehand under “Decisions and certificates”)
bo-antrag-entscheiden = Mark as decided
bo-antrag-zurueckziehen = Withdraw at the client’s request
bo-antrag-vorgang = Task
bo-antrag-gespeichert = The change has been saved; the client has been notified.
bo-antrag-bescheid-fehlt = Please choose a decision belonging to this client.
bo-antrag-anfrage-fehlt = Please state the missing documents (at most 2000 characters) and a deadline in the future.
bo-what-antrag = Application opened
mail-antrag-status-subject = News about your application
mail-antrag-status-body = Hello,

    there is news about your application. For data protection reasons this e-mail does not contain its content.

    After logging in you can see the processing status under “Your cases”:
    { $link }

# The receipt PDF (German always; the client's language beside it).
quittung-titel = Confirmation of receipt
quittung-vorgangsnummer = Reference number
quittung-gesendet = Sent online on
quittung-name = Name
quittung-kundennummer = Customer number
quittung-einleitung = The jobcenter has received your application. This confirmation contains all your answers and the documents you sent with the application. Please keep it.
quittung-nachweise = Documents sent
quittung-keine-nachweise = No documents were sent with this application.
quittung-groesse = Size
quittung-keine-angabe = not stated

# Deadlines (fristen.rs): draft deletion and the Weiterbewilligung reminder.
mail-antrag-entwurf-erinnerung-subject = Your draft application will be deleted soon
mail-antrag-entwurf-erinnerung-body = Hello,

    one of your draft applications will be deleted on { $datum } unless you edit or send it before then. For data protection reasons, the content is not included in this e-mail.

    You can continue the draft under “Your cases” after signing in:
    { $link }
mail-weiterbewilligung-erinnerung-subject = Your approval period ends soon
mail-weiterbewilligung-erinnerung-body = Hello,

    your approval period for Bürgergeld ends on { $datum }. To keep receiving benefits, please submit your application for continued benefits in good time. Answers that have not changed are already filled in from your last application.

    To the application for continued benefits (after signing in):
    { $link }
antraege-weiterbewilligung-faellig = Your approval period ends on { $datum }. To keep receiving Bürgergeld, please submit your application for continued benefits in good time.
bo-antrag-zeitraum = Approval period according to the decision (for the reminder to apply for continued benefits)
bo-antrag-zeitraum-von = From
bo-antrag-zeitraum-bis = Until
bo-antrag-zeitraum-fehler = Please enter the complete approval period: "Until" must be after "From" and after today.
bo-antrag-zeitraum-aktuell = Current approval period: { $von } to { $bis }
