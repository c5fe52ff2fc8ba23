# Secure-App (MFA-30 … MFA-34): set-up, login approval, devices.

secureapp-setup-title = { $app } einrichten
secureapp-step-of = Schritt { $step } von 3
secureapp-step-1 = App herunterladen
secureapp-step-2 = App einrichten
secureapp-step-3 = Einrichtung abschließen
secureapp-next = Weiter
secureapp-back = Zurück
secureapp-download-heading = 1. App herunterladen
secureapp-download-text = Laden Sie die { $app } auf Ihr Smartphone herunter. Scannen Sie den QR-Code oder öffnen Sie die Adresse im Browser Ihres Smartphones und fügen Sie die App zum Startbildschirm hinzu.
secureapp-download-note = Die { $app } kann auf einem Smartphone oder Tablet heruntergeladen werden, um genutzt werden zu können.
secureapp-install-qr-caption = QR-Code mit der Adresse der { $app }
secureapp-start-limited = Sie haben die Einrichtung zu oft gestartet. Bitte versuchen Sie es in einer Stunde erneut.
secureapp-limit = Sie haben bereits die größtmögliche Zahl an Geräten verknüpft. Entfernen Sie zuerst ein Gerät in den Kontoeinstellungen.
secureapp-connect-heading = 2. App einrichten
secureapp-connect-intro = Wir verbinden Ihr Konto sicher mit der { $app }. Wählen Sie eine der zwei Möglichkeiten.
secureapp-this-device = Auf diesem Gerät:
secureapp-this-device-text = Die { $app } ist bereits installiert. Wechseln Sie jetzt direkt in die App und folgen Sie den Anweisungen.
secureapp-this-device-link = Zur { $app } wechseln
secureapp-other-device = Auf anderem Gerät:
secureapp-other-device-text = Die { $app } ist auf einem anderen Gerät installiert. Scannen Sie den QR-Code mit der Kamera dieses Geräts.
secureapp-qr-caption = QR-Code mit dem Link zur Verknüpfung mit der { $app }
secureapp-time-left = Verbleibende Zeit { $time }
secureapp-valid-until = Die Einrichtung ist gültig bis { $time } Uhr. Danach muss der Schritt neu gestartet werden.
secureapp-setup-hint = Die Einrichtungszeit beträgt 4 Minuten. Danach muss der Schritt neu gestartet werden.
secureapp-waiting-device = Sobald Sie die App auf Ihrem Gerät verknüpft haben, wählen Sie „Weiter“.
secureapp-expired = Die Einrichtungszeit ist abgelaufen. Bitte starten Sie die Einrichtung neu.
secureapp-rejected = Sie haben die Verknüpfung abgelehnt. Das Gerät wurde nicht mit Ihrem Konto verknüpft.
secureapp-restart = Einrichtung neu starten
secureapp-confirm-heading = Verknüpfung bestätigen
secureapp-confirm-text = Das Gerät „{ $device }“ möchte sich mit Ihrem Konto verknüpfen. Bestätigen Sie die Verknüpfung nur, wenn es Ihr eigenes Gerät ist.
secureapp-confirm = Verknüpfung bestätigen
secureapp-reject = Ablehnen
secureapp-done-heading = 3. Einrichtung abschließen
secureapp-done-title = Einrichtung erfolgreich abgeschlossen
secureapp-done-text = Sie haben die { $app } erfolgreich auf Ihrem Gerät ({ $device }) eingerichtet.
secureapp-done-two-steps = Ab jetzt melden Sie sich immer in zwei einfachen Schritten an:
secureapp-done-step-1 = Schritt 1: Geben Sie Benutzernamen und Passwort ein.
secureapp-done-step-2 = Schritt 2: Bestätigen Sie die Anmeldung in der { $app }.
secureapp-factor-name = { $app } ({ $device })

secureapp-login-link = Mit der { $app } anmelden
secureapp-wait-title = Anmeldung bestätigen
secureapp-wait-intro = Wir haben eine Anfrage an Ihre { $app } gesendet. Öffnen Sie die App, wählen Sie dort die folgende Zahl und bestätigen Sie die Anmeldung.
secureapp-wait-number = Ihre Zahl:
secureapp-wait-time = Die Anfrage ist gültig bis { $time } Uhr.
secureapp-wait-nojs = Wenn Sie die Anmeldung in der App freigegeben haben, wählen Sie „Weiter“.
secureapp-wait-js = Wir warten auf Ihre Freigabe in der App. Die Seite geht danach von selbst weiter.
secureapp-wait-pending = Die Anmeldung wurde noch nicht in der App freigegeben.
secureapp-wait-approved = Die Anmeldung wurde in der App freigegeben.
secureapp-wait-denied = Die Anmeldung wurde in der App abgelehnt.
secureapp-wait-expired = Die Anfrage ist abgelaufen.
secureapp-wait-new = Neue Anfrage senden
secureapp-wait-limited = Sie haben zu viele Anfragen gestellt. Bitte warten Sie 15 Minuten oder melden Sie sich auf anderem Weg an.
secureapp-wait-totp-passkey = Mit Zweitem Faktor (TOTP) oder Passkey anmelden

secureapp-settings-intro = Mit der { $app } geben Sie jede Anmeldung auf Ihrem Smartphone frei.
secureapp-settings-none = Es ist noch kein Gerät verknüpft.
secureapp-settings-linked = Verknüpft am
secureapp-settings-last-used = Zuletzt verwendet
secureapp-settings-never = Noch nie
secureapp-settings-rename-label = Neuer Name für „{ $name }“
secureapp-settings-rename = „{ $name }“ umbenennen
secureapp-settings-remove = „{ $name }“ entfernen
secureapp-notice-renamed = Der Name des Geräts wurde gespeichert.
secureapp-notice-removed = Das Gerät wurde entfernt.
secureapp-notice-name-invalid = Der Gerätename muss 1 bis 60 Zeichen lang sein.
secureapp-notice-last-factor = Das Gerät ist Ihr einziger zweiter Faktor und kann nicht entfernt werden. Richten Sie zuerst einen anderen zweiten Faktor ein.

history-secure-app-linked = Gerät für die Secure-App verknüpft
history-secure-app-link-rejected = Verknüpfung eines Geräts abgelehnt
history-secure-app-removed = Gerät für die Secure-App entfernt
history-secure-app-renamed = Gerät für die Secure-App umbenannt
history-secure-app-approved = Anmeldung in der Secure-App freigegeben
history-secure-app-denied = Anmeldung in der Secure-App abgelehnt
history-secure-app-wrong-number = Falsche Zahl in der Secure-App gewählt (Anmeldung abgelehnt)
history-secure-app-bad-signature = Ungültige Signatur eines Geräts

mail-secure-app-denied-subject = Anmeldung in Ihrem Konto abgelehnt
mail-secure-app-denied-body =
    Guten Tag,

    am { $when } Uhr wurde eine Anmeldung in Ihr Konto bei Jobcenter Digital auf Ihrem Gerät ({ $device }) abgelehnt. Die Anmeldung kam von: { $browser }, IP-Adresse { $ip }.

    Dabei wurde Ihr Passwort richtig eingegeben. Wenn Sie das nicht waren, ändern Sie bitte sofort Ihr Passwort und wenden Sie sich an Ihr Jobcenter:

    { $settings }

    Mit freundlichen Grüßen

    Ihr Jobcenter
