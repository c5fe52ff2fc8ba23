## "Termine" (portal/termine, backoffice/termine, POR-5)
termine-title = Termine
termine-vereinbaren-title = Termine vereinbaren
termine-kommend = Anstehende Termine
termine-vergangen = Vergangene und abgesagte Termine
termine-keine = Sie haben keine anstehenden Termine.
termine-entry-text = Ihre Termine ansehen, absagen und in Ihren Kalender übernehmen, neue Termine vereinbaren.
termin-wann = { $tag }, { $datum }, { $von }–{ $bis } Uhr
termin-ort = Ort
termin-kontakt = Kontakt
termin-ort-telefon = Telefon: Wir rufen Sie unter Ihrer hinterlegten Nummer an.
termin-ort-video = Video: Den Link sehen Sie kurz vor dem Termin hier.
termin-art-vor-ort = Vor Ort
termin-art-telefon = Telefon
termin-art-video = Video
termin-thema-arbeitsuche = Beratung zur Arbeitsuche
termin-thema-buergergeld = Fragen zum Bürgergeld
termin-thema-antrag = Hilfe beim Antrag
termin-thema-unterlagen = Unterlagen abgeben
termin-thema-frage = Worum geht es?
termin-thema-fehler = Bitte wählen Sie ein Thema.
termin-freie-zeigen = Freie Termine anzeigen
termin-freie = Freie Termine in den nächsten 4 Wochen
termin-keine-freien = Zu diesem Thema gibt es in den nächsten 4 Wochen keine freien Termine. Bitte rufen Sie Ihr Jobcenter an.
termin-plaetze = Freie Plätze: { $anzahl }
termin-buchen = Termin buchen
termin-gebucht = Ihr Termin ist gebucht. Sie finden ihn unter „Anstehende Termine“.
termin-abgesagt = Ihr Termin ist abgesagt.
termin-zu-spaet = Dieser Termin kann online nicht mehr abgesagt werden. Bitte rufen Sie Ihr Jobcenter an.
termin-unbekannt = Diesen Termin gibt es in Ihrer Dienststelle nicht. Bitte wählen Sie einen der freien Termine.
termin-vergeben = Dieser Termin ist inzwischen vergeben oder hat schon begonnen. Bitte wählen Sie einen anderen.
termin-schon-gebucht = Diesen Termin haben Sie schon gebucht.
termin-kalender = Zum Kalender hinzufügen
termin-kalender-absage = Absage für Ihren Kalender
termin-absagen = Termin absagen
termin-absagen-telefon = Bis { $stunden } Stunden vor dem Termin können Sie ihn hier absagen; danach rufen Sie bitte Ihr Jobcenter an.
termin-status-abgesagt = abgesagt
termin-kalender-titel = Termin im Jobcenter: { $thema }
termin-kalender-text = Ihr Termin im Jobcenter. Bei Fragen: { $kontakt }. Bitte bringen Sie einen Ausweis mit.
portal-event-appointment-booked = Termin gebucht
portal-event-appointment-cancelled = Termin abgesagt
bo-nav-termine = Termine
bo-termine-title = Termine zum Buchen
bo-termine-naechste = Die nächsten 4 Wochen
bo-termine-keine = Ihre Dienststelle hat in den nächsten 4 Wochen keine Termine zum Buchen veröffentlicht.
bo-termine-wann = Wann
bo-termine-art = Art
bo-termine-thema = Thema
bo-termine-ort = Ort
bo-termine-belegt = Gebucht / Plätze
bo-termine-neu = Termin zum Buchen veröffentlichen
bo-termine-datum = Datum
bo-termine-uhrzeit = Uhrzeit
bo-termine-minuten = Dauer in Minuten
bo-termine-plaetze = Plätze
bo-termine-ort-feld = Ort und Raum
bo-termine-ort-hinweis = Bei Terminen vor Ort: Anschrift und Raum, zum Beispiel „Rollnerstraße 8, Raum 2.14“.
bo-termine-anlegen = Veröffentlichen
bo-termine-angelegt = Der Termin ist veröffentlicht und kann gebucht werden.
bo-termine-fehler-beginn = Bitte geben Sie Datum und Uhrzeit in der Zukunft an.
bo-termine-fehler-minuten = Bitte geben Sie eine Dauer von 5 bis 480 Minuten an.
bo-termine-fehler-art = Bitte wählen Sie die Art des Termins.
bo-termine-fehler-thema = Bitte wählen Sie ein Thema.
bo-termine-fehler-plaetze = Bitte geben Sie 1 bis 50 Plätze an.
bo-termine-fehler-ort = Bitte geben Sie bei Terminen vor Ort Anschrift und Raum an (höchstens 200 Zeichen).
termin-erinnerung-sms = Jobcenter: Erinnerung an Ihren Termin am { $datum } um { $zeit } Uhr ({ $art }).
mail-termin-erinnerung-subject = Erinnerung an Ihren Termin im Jobcenter
mail-termin-erinnerung-body = Guten Tag,

    wir erinnern Sie an Ihren Termin am { $datum } um { $zeit } Uhr ({ $art }). Einzelheiten sehen Sie nach der Anmeldung unter „Termine“:
    { $link }

    Keine E-Mail-Erinnerungen an Termine mehr erhalten (ohne Anmeldung):
    { $abbestellen }
termin-abbestellen-title = E-Mail-Erinnerungen an Termine
termin-erinnerung-ist-an = Sie erhalten vor Ihren Terminen eine Erinnerung per E-Mail.
termin-erinnerung-ist-aus = Sie erhalten vor Ihren Terminen keine Erinnerung per E-Mail.
termin-erinnerung-abbestellen = E-Mail-Erinnerungen abbestellen
termin-erinnerung-einschalten = E-Mail-Erinnerungen wieder einschalten
termin-abbestellt = Sie erhalten keine E-Mail-Erinnerungen an Termine mehr.
termin-wieder-an = Sie erhalten wieder E-Mail-Erinnerungen an Termine.
termin-erinnerung-sms-hinweis = SMS-Erinnerungen schalten Sie nach der Anmeldung unter „Profil bearbeiten“ bei „Kommunikationsoptionen“ ein oder aus.
termin-thema-einladung = Einladung
termin-einladung = Einladung
termin-rechtsfolgen = Rechtsfolgenbelehrung: Sie sind verpflichtet, zu diesem Termin zu erscheinen (§ 59 SGB II in Verbindung mit § 309 SGB III). Wenn Sie ohne wichtigen Grund nicht erscheinen, kann Ihr Bürgergeld für einen Monat um 10 Prozent des maßgebenden Regelbedarfs gemindert werden (§ 32 SGB II). Können Sie den Termin nicht wahrnehmen, teilen Sie uns das bitte vorher mit dem Grund mit.
termin-bestaetigen = Teilnahme bestätigen
termin-bestaetigt = Vielen Dank. Sie haben Ihre Teilnahme bestätigt.
termin-stand-bestaetigt = Teilnahme bestätigt
termin-stand-verschiebung = Ihre Anfrage, den Termin zu verschieben, wird bearbeitet. Bis zu einer Antwort gilt der Termin.
termin-verschieben-title = Verschiebung anfragen
termin-verschieben-senden = Anfrage senden
termin-grund = Warum können Sie den Termin nicht wahrnehmen?
termin-grund-hinweis = Nennen Sie bitte den Grund und wann Sie stattdessen können. Höchstens 2000 Zeichen.
termin-grund-fehler = Bitte nennen Sie den Grund (höchstens 2000 Zeichen).
termin-verschiebung-gesendet = Ihre Anfrage wurde gesendet. Sie erhalten eine Antwort; bis dahin gilt der Termin.
termin-antwort = Antwort des Jobcenters
termin-video-link = An der Videositzung teilnehmen
termin-stattgefunden = Hat stattgefunden
termin-nicht-erschienen = Nicht erschienen
portal-event-appointment-invited = Zu einem Termin eingeladen
portal-event-appointment-move-requested = Verschiebung eines Termins angefragt
portal-event-appointment-move-answered = Anfrage zur Verschiebung beantwortet
arbeit-art-termin = Terminverschiebung
mail-termin-einladung-subject = Einladung zu einem Termin im Jobcenter
mail-termin-einladung-body = Guten Tag,

    Ihr Jobcenter lädt Sie zu einem Termin ein. Aus Datenschutzgründen stehen die Einzelheiten nicht in dieser E-Mail.

    Sie sehen die Einladung nach der Anmeldung unter „Termine“:
    { $link }
mail-termin-antwort-subject = Antwort zu Ihrem Termin
mail-termin-antwort-body = Guten Tag,

    Ihr Jobcenter hat Ihre Anfrage zur Verschiebung eines Termins beantwortet. Aus Datenschutzgründen steht der Inhalt nicht in dieser E-Mail.

    Sie sehen die Antwort nach der Anmeldung unter „Termine“:
    { $link }
bo-einladung-title = Termine
bo-einladung-link = Termine ansehen und einladen
bo-einladung-keine = Für diese Person gibt es keine Termine.
bo-einladung-neu = Zu einem Termin einladen
bo-einladung-video = Link zur Videositzung
bo-einladung-video-hinweis = Nur bei Videoterminen: eine https-Adresse. Die Person sieht den Link erst kurz vor dem Termin.
bo-einladung-zweck = Worum geht es?
bo-einladung-senden = Einladung senden
bo-einladung-online = Die Einladung wurde online bereitgestellt; die Person wurde per E-Mail benachrichtigt.
bo-einladung-papier = Die Person nutzt keine Online-Kommunikation: Die Einladung liegt in den Druckaufträgen.
bo-einladung-gespeichert = Gespeichert; die Person wurde benachrichtigt, wo nötig.
bo-einladung-aktion-fehler = Das ging nicht: Bitte geben Sie ein neues Datum mit Uhrzeit in der Zukunft oder eine Antwort an.
bo-einladung-fehler-video = Bitte geben Sie bei Videoterminen einen Link an, der mit https:// beginnt.
bo-einladung-fehler-zweck = Bitte geben Sie an, worum es geht (höchstens 1000 Zeichen).
bo-termin-grund = Grund der Person
bo-termin-verschieben = Auf neues Datum verschieben
bo-termin-antwort = Antwort, wenn der Termin bleibt
bo-termin-ablehnen = Verschiebung ablehnen
bo-termin-stand-gebucht = Gebucht
bo-termin-stand-eingeladen = Eingeladen
bo-termin-stand-bestaetigt = Teilnahme bestätigt
bo-termin-stand-verschiebung = Verschiebung angefragt
bo-termin-stand-abgesagt = Abgesagt
bo-what-termine = Termine angesehen
bo-what-termin = Termin bearbeitet
bo-termine-tag = Tagesansicht
bo-termine-mitarbeiter = Mitarbeiterin oder Mitarbeiter
bo-termine-alle = Alle
bo-termine-zeigen = Anzeigen
bo-termine-tag-leer = An diesem Tag gibt es keine Termine.
bo-termine-tag-datum = Tag
