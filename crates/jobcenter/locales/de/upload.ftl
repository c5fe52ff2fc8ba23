# Datei hochladen (POR-4), Handeln für Kundinnen und Kunden, Journal.
portal-no-right-title = Nicht freigegeben
portal-no-right-text = Mit diesem Profil dürfen Sie diese Funktion nicht nutzen. Vertretungen haben nur die Rechte ihrer Vollmacht; Einstellungen und Einwilligungen ändert nur die Kundin oder der Kunde selbst.
portal-no-right-switch = Profil wechseln
list-next-page = Weitere Einträge anzeigen
portal-event-files-sent = Dateien gesendet
portal-event-file-quarantined = Datei wegen eines Virenfunds gesperrt
portal-event-item-in-progress = Vom Jobcenter in Bearbeitung genommen
portal-event-item-done = Vom Jobcenter erledigt
portal-event-message-sent = Nachricht an das Jobcenter gesendet
portal-event-message-answered = Antwort des Jobcenters im Postfach
portal-event-message-read = Antwort des Jobcenters gelesen
recht-nachrichten = Postfachnachrichten an das Jobcenter schreiben
recht-antraege = Aktuelle Anträge einsehen
recht-bescheide = Bescheide und Schreiben einsehen
recht-hochladen = Dokumente hochladen
recht-benachrichtigungen = Benachrichtigungen erhalten
recht-buergergeld = Neuen Bürgergeldantrag stellen
recht-veraenderung = Veränderungsmitteilung senden
recht-weiterbewilligung = Weiterbewilligungsantrag stellen
portal-upload-entry = Datei hochladen
portal-upload-entry-text = Dateien zu verschiedenen Themen online senden
upload-title = Datei hochladen
upload-intro = Dateien zu verschiedenen Themen online senden. Hier können Sie Unterlagen einfach, schnell und sicher an Ihr Jobcenter senden.
upload-topic-legend = Worum geht es?
upload-topic-geldleistung = Geldleistung
upload-topic-geldleistung-hint = Wenn es um Ihr Bürgergeld geht.
upload-topic-vermittlung = Vermittlung
upload-topic-vermittlung-hint = Wenn es um Arbeit und/oder Qualifizierung geht.
upload-topic-bildung-teilhabe = Bildung und Teilhabe
upload-topic-bildung-teilhabe-hint = Wenn Ihr Kind Leistungen aus dem Bildungspaket erhält.
upload-message-label = Nachricht (freiwillig)
upload-message-hint = Höchstens { $anzahl } Zeichen.
upload-files-label = Dateien auswählen
upload-files-types = Erlaubt sind PDF, JPEG, PNG und HEIC (Fotos vom Smartphone).
upload-files-limit-file = Je Datei höchstens { $mb } MB,
upload-files-limit-count = höchstens { $anzahl } Dateien,
upload-files-limit-total = zusammen höchstens { $mb } MB.
upload-camera-label = Oder: Foto aufnehmen
upload-camera-hint = Öffnet auf dem Smartphone die Kamera.
upload-combine-label = Als ein Dokument senden
upload-combine-hint = Mehrere Fotos eines Papierdokuments werden in der gewählten Reihenfolge zu einer PDF-Datei zusammengefügt (nur JPEG und PNG).
upload-send = Senden
upload-support = Bei technischen Problemen wenden Sie sich an die technische Hotline: 0800 4 5555 01 (gebührenfrei).
upload-error-leer = „{ $datei }“ ist leer. Bitte wählen Sie die Datei erneut aus.
upload-error-zu-gross = „{ $datei }“ ist größer als { $mb } MB. Bitte verkleinern Sie die Datei oder teilen Sie sie auf.
upload-error-art = „{ $datei }“ ist keine PDF-, JPEG-, PNG- oder HEIC-Datei. Bitte senden Sie eine Datei in einem dieser Formate.
upload-error-verschluesselt = „{ $datei }“ ist verschlüsselt oder mit einem Passwort geschützt. Bitte senden Sie die Datei ohne Passwort.
upload-error-aktiv = „{ $datei }“ enthält aktive Inhalte (zum Beispiel Skripte oder eingebettete Dateien). Bitte drucken Sie die Datei als neue PDF-Datei und senden Sie diese.
upload-error-beschaedigt = „{ $datei }“ ist beschädigt oder unvollständig. Bitte speichern oder fotografieren Sie das Dokument erneut.
upload-error-bild-zu-gross = „{ $datei }“ hat zu viele Bildpunkte. Bitte senden Sie ein kleineres Foto.
upload-error-mehrdeutig = „{ $datei }“ ist zugleich Bild und PDF und wird deshalb nicht angenommen. Bitte speichern Sie die Datei neu.
upload-error-too-many = Bitte senden Sie höchstens { $anzahl } Dateien auf einmal.
upload-error-total = Die Dateien sind zusammen größer als { $mb } MB. Bitte senden Sie sie in mehreren Schritten.
upload-error-form = Das Formular ist nicht vollständig angekommen. Bitte laden Sie die Seite neu und senden Sie es noch einmal.
upload-error-topic = Bitte wählen Sie aus, worum es geht.
upload-error-message = Die Nachricht ist zu lang (höchstens { $anzahl } Zeichen).
upload-error-none = Bitte wählen Sie mindestens eine Datei aus.
upload-error-combine = „{ $datei }“ kann nicht mit anderen Fotos zu einem Dokument zusammengefügt werden (nur JPEG und PNG). Bitte senden Sie sie einzeln.
upload-combined-title = Zusammengefügtes Dokument
upload-combined-name = Dokument
upload-receipt-title = Ihre Dateien sind eingegangen
upload-receipt-text = Vielen Dank. Ihr Jobcenter hat Ihre Sendung erhalten und bearbeitet sie.
upload-receipt-topic = Thema
upload-receipt-time = Eingegangen am
upload-receipt-files = Gesendete Dateien
upload-receipt-name = Datei
upload-receipt-size = Größe
upload-receipt-hash = Prüfsumme (SHA-256)
upload-quarantined = gesperrt
upload-receipt-mail = Sie erhalten diese Eingangsbestätigung auch per E-Mail (ohne die Inhalte der Dateien).
upload-again = Weitere Dateien senden
mail-upload-receipt-subject = Eingangsbestätigung: Ihre Dateien sind eingegangen
mail-upload-receipt-body = Guten Tag,

    Ihr Jobcenter hat Ihre Sendung erhalten.

    Thema: { $thema }
    Eingegangen am: { $zeit }

    { $dateien }

    Die Prüfsumme (SHA-256) zeigt, dass die Dateien unverändert angekommen sind.
