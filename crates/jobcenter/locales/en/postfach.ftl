# Benefits mailbox and placement mailbox (POR-2)
postfach-leistung = Benefits mailbox (Leistungspostfach)
postfach-vermittlung = Placement mailbox (Vermittlungspostfach)
postfach-leistung-intro = Questions about your benefits, applications and decisions: your message goes to the benefits service, questions about appointments to your personal contact.
postfach-vermittlung-intro = Questions about work, applications for jobs and support: your message goes to your personal contact.
postfach-oko-heading = Online communication is not activated
postfach-oko-activate = Activate now
postfach-new = New message
postfach-new-title = New message
postfach-new-intro = Your message to the jobcenter in the { $postfach }.
postfach-empty = You have no messages in this mailbox yet.
postfach-col-subject = Subject
postfach-col-concern = Concern
postfach-col-last = Last message
postfach-unread = New
postfach-unread-count = { $anzahl } unread
postfach-closed = Closed
postfach-concern-legend = Concern
postfach-subject = Subject
postfach-subject-hint = At most { $anzahl } characters.
postfach-text = Message
postfach-text-hint = At most { $anzahl } characters.
postfach-send = Send
postfach-thread-title = Message
postfach-sent = Your message has been sent.
postfach-messages = Messages
postfach-from-jobcenter = The jobcenter ({ $name })
postfach-representative = (authorised representative)
postfach-reply = Reply
postfach-back = Back to the { $postfach }
postfach-error-anliegen-fehlt = Please choose a concern.
postfach-error-betreff-fehlt = Please enter a subject.
postfach-error-betreff-zu-lang = The subject may be at most { $max_betreff } characters long.
postfach-error-text-fehlt = Please write a message.
postfach-error-text-zu-lang = The message may be at most { $max_text } characters long.
postfach-error-geschlossen = This conversation is closed. Please write a new message.
postfach-anliegen-antrag = Questions about my application
postfach-anliegen-bescheid = Questions about my decision
postfach-anliegen-zahlung = Payments
postfach-anliegen-veraenderung = Changes (income, housing, household)
postfach-anliegen-termin-leistung = Appointments
postfach-anliegen-sonstiges-leistung = Other
postfach-anliegen-bewerbung = Job applications and vacancies
postfach-anliegen-kooperationsplan = Cooperation plan
postfach-anliegen-weiterbildung = Further training and support
postfach-anliegen-termin-vermittlung = Appointments
postfach-anliegen-sonstiges-vermittlung = Other
arbeit-art-nachricht = Mailbox message
bo-thread-title = Mailbox message
bo-thread-reply = Reply to the client
bo-thread-sent = The reply has been sent.
bo-thread-closed = The conversation is done. Take the task up again to reply.
bo-what-nachricht = Mailbox message opened
mail-postfach-neu-subject = New message in your mailbox
mail-postfach-neu-body = Hello,

    there is a new message from your jobcenter for you in your { $postfach } at jobcenter.digital.

    For data protection reasons this e-mail does not contain it. You can read the message after logging in:
    { $link }

    You receive this e-mail because you switched on e-mails about new messages. You can change this in your profile under the communication options.
postfach-error-zu-viele-anhaenge = A message can have at most { $max_anhaenge } attachments.
portal-event-attachment-opened = Attachment of a message opened
postfach-attachments = Attachments
postfach-attach = Attach files (optional)
postfach-attach-hint = At most { $anzahl } attachments per message.
postfach-draft-save = Save draft
postfach-draft-saved = Your draft has been saved. You can continue it later.
postfach-draft-attachments = Already attached
postfach-draft-remove = Remove “{ $datei }”
postfach-drafts = Drafts
postfach-draft-untitled = Draft without subject
bo-what-anhang = Attachment of a mailbox message opened
postfach-sms-neu = New message from your jobcenter in your mailbox at jobcenter.digital. Please log in to read it.
