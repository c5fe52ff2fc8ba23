# Upload files (POR-4), acting for clients, journal.
portal-no-right-title = Not permitted
portal-no-right-text = With this profile you may not use this function. Representatives hold only the rights of their power of attorney; settings and consents are changed only by the client.
portal-no-right-switch = Switch profile
list-next-page = Show more entries
portal-event-files-sent = Files sent
portal-event-file-quarantined = File blocked because malware was found
portal-event-item-in-progress = Taken up by the jobcenter
portal-event-item-done = Completed by the jobcenter
portal-event-message-sent = Message sent to the jobcenter
portal-event-message-answered = Reply from the jobcenter in the mailbox
portal-event-message-read = Reply from the jobcenter read
recht-nachrichten = Write mailbox messages to the jobcenter
recht-antraege = View current applications
recht-bescheide = View decisions and letters
recht-hochladen = Upload documents
recht-benachrichtigungen = Receive notifications
recht-buergergeld = File a new Bürgergeld application
recht-veraenderung = Send a change notification
recht-weiterbewilligung = File a continuation application
portal-upload-entry = Upload files
portal-upload-entry-text = Send files on various topics online
upload-title = Upload files
upload-intro = Send files on various topics online. Here you can send documents to your jobcenter easily, quickly and securely.
upload-topic-legend = What is it about?
upload-topic-geldleistung = Cash benefits
upload-topic-geldleistung-hint = When it is about your Bürgergeld.
upload-topic-vermittlung = Placement
upload-topic-vermittlung-hint = When it is about work and/or qualification.
upload-topic-bildung-teilhabe = Education and participation
upload-topic-bildung-teilhabe-hint = When your child receives benefits from the education package (Bildungspaket).
upload-message-label = Message (optional)
upload-message-hint = At most { $anzahl } characters.
upload-files-label = Choose files
upload-files-types = Allowed are PDF, JPEG, PNG and HEIC (photos from a smartphone).
upload-files-limit-file = At most { $mb } MB per file,
upload-files-limit-count = at most { $anzahl } files,
upload-files-limit-total = at most { $mb } MB together.
upload-camera-label = Or: take a photo
upload-camera-hint = Opens the camera on a smartphone.
upload-combine-label = Send as one document
upload-combine-hint = Several photos of one paper document are combined into one PDF file in the order chosen (JPEG and PNG only).
upload-send = Send
upload-support = If you have technical problems, call the technical hotline: 0800 4 5555 01 (free of charge).
upload-error-leer = “{ $datei }” is empty. Please choose the file again.
upload-error-zu-gross = “{ $datei }” is larger than { $mb } MB. Please make the file smaller or split it.
upload-error-art = “{ $datei }” is not a PDF, JPEG, PNG or HEIC file. Please send a file in one of these formats.
upload-error-verschluesselt = “{ $datei }” is encrypted or protected by a password. Please send the file without a password.
upload-error-aktiv = “{ $datei }” contains active content (for example scripts or embedded files). Please print the file to a new PDF file and send that.
upload-error-beschaedigt = “{ $datei }” is damaged or incomplete. Please save or photograph the document again.
upload-error-bild-zu-gross = “{ $datei }” has too many pixels. Please send a smaller photo.
upload-error-mehrdeutig = “{ $datei }” is an image and a PDF at the same time and is therefore not accepted. Please save the file again.
upload-error-too-many = Please send at most { $anzahl } files at once.
upload-error-total = Together the files are larger than { $mb } MB. Please send them in several steps.
upload-error-form = The form did not arrive completely. Please reload the page and send it again.
upload-error-topic = Please choose what it is about.
upload-error-message = The message is too long (at most { $anzahl } characters).
upload-error-none = Please choose at least one file.
upload-error-combine = “{ $datei }” cannot be combined with other photos into one document (JPEG and PNG only). Please send it separately.
upload-combined-title = Combined document
upload-combined-name = Document
upload-receipt-title = Your files have arrived
upload-receipt-text = Thank you. Your jobcenter has received your files and will process them.
upload-receipt-topic = Topic
upload-receipt-time = Received on
upload-receipt-files = Files sent
upload-receipt-name = File
upload-receipt-size = Size
upload-receipt-hash = Checksum (SHA-256)
upload-quarantined = blocked
upload-receipt-mail = You also receive this confirmation of receipt by e-mail (without the contents of the files).
upload-again = Send more files
mail-upload-receipt-subject = Confirmation of receipt: your files have arrived
mail-upload-receipt-body = Hello,

    your jobcenter has received your files.

    Topic: { $thema }
    Received on: { $zeit }

    { $dateien }

    The checksum (SHA-256) shows that the files arrived unchanged.
