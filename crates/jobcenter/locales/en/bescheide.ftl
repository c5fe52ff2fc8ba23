# Bescheide und Nachweise (POR-3)
bescheide-title = Decisions and certificates
bescheide-intro = Here you find decisions, certificates and letters your jobcenter has made available to you online. A decision counts as announced on the day after it is first retrieved.
bescheide-empty = There are no documents for you yet.
bescheide-entry-text = Retrieve decisions, certificates and letters of your jobcenter online.
bescheide-new-count = { $anzahl } new
bescheide-col-title = Title
bescheide-col-kind = Kind
bescheide-col-date = Date
bescheide-col-status = Status
bescheide-status-neu = New
bescheide-status-bekannt = Announced on { $datum }
bescheide-status-post = Sent by post on { $datum }
bescheide-widerspruch = Objection until
bescheide-level = Level of assurance
bescheide-hoch-heading = This document needs a login with the online ID card
bescheide-hoch-not-yet = Logging in with the online ID card or an ELSTER certificate is not available in the portal yet. Until then you receive this document by post when the retrieval period ends.
bescheide-abruf-hint = Opening the document retrieves it.
bescheide-abruf-hint-bescheid = Opening the decision retrieves it. It counts as announced on the following day; the period for an objection starts then.
bescheide-open = Open document (PDF)
bescheide-back = Back to decisions and certificates
bescheide-art-bescheid = Decision (Bescheid)
bescheide-art-nachweis = Certificate (Nachweis)
bescheide-art-schreiben = Letter (Schreiben)
bescheide-stufe-substantiell = substantial
bescheide-stufe-hoch = high
bo-bescheide-title = Decisions and certificates
bo-bescheide-link = View and publish documents
bo-bescheide-empty = No documents have been published for this person yet.
bo-bescheide-col-delivery = Delivery
bo-bescheide-bereit = Made available online on { $bereit }, not retrieved yet
bo-bescheide-abgerufen = Made available online on { $bereit }, retrieved on { $abruf }
bo-bescheide-post-ohne-einwilligung = By post on { $datum } (no consent to online communication)
bo-bescheide-post-nicht-abgerufen = By post on { $datum } (not retrieved within the period)
bo-bescheide-publish = Publish document
bo-bescheide-publish-intro = With consent to online communication the document is made available online and the person is told by e-mail (without content); otherwise it goes to the print queue.
bo-bescheide-date = Date of the document
bo-bescheide-date-hint = Format DD.MM.YYYY
bo-bescheide-file = PDF file
bo-bescheide-error-art = Please choose the kind of document.
bo-bescheide-error-titel = Please enter a title of at most 200 characters.
bo-bescheide-error-datum = Please enter the date in the format DD.MM.YYYY.
bo-bescheide-error-stufe = Please choose the level of assurance.
bo-bescheide-error-datei = Please choose exactly one PDF file.
bo-bescheide-done-online = The document was made available online; the person was told by e-mail.
bo-bescheide-done-post = The person has not consented to online communication: the document is in the print queue.
bo-what-bescheide = Decisions and certificates viewed
portal-event-document-published = Document made available in decisions and certificates
portal-event-document-retrieved = Document retrieved
portal-event-document-posted = Document sent by post
mail-bescheid-neu-subject = New document in your decisions and certificates
mail-bescheid-neu-body = Hello,

    your jobcenter has made a new document (kind: { $art }) available to you online.

    For data protection reasons this e-mail does not contain it. You retrieve the document after logging in:
    { $link }

    A decision counts as announced on the day after it is first retrieved. If you do not retrieve the document within 10 days, you receive it by post.
bo-purpose-druck = Postal delivery (print job)
bo-print-pdf = PDF for printing
bo-what-bescheid-pdf = Document PDF opened
bo-bescheide-template = Text of the letter (instead of a PDF file)
bo-bescheide-template-hint = The template makes a letter with address, customer number, date and title; separate paragraphs with an empty line.
bo-bescheide-error-beides = Please choose either a PDF file or write a text, not both.
bo-bescheide-error-vorlage = The text does not fit on one page: at most { $anzahl } characters.
bo-bescheide-freigabe-offen = Waiting for release (four-eyes principle)
bo-bescheide-release = Release
bo-bescheide-done-freigabe = The document waits for a second person to release it.
bo-bescheide-error-nicht-offen = This document is not waiting for release.
bo-bescheide-error-selbe-person = Four-eyes principle: whoever publishes a document cannot release it themselves.
bo-what-bescheid-freigabe = Document released
arbeit-art-veroeffentlichung = Release of a document
