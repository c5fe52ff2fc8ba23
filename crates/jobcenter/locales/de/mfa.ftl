## Second factor (MFA-1 … MFA-24, MFA-50, MFA-61)
form-continue = Weiter
factor-name-totp = Zweiter Faktor (TOTP)
factor-name-passkey = Passkey

notice-title = Sicherheitshinweis
notice-recommend = Der Schutz Ihrer Daten ist uns wichtig. Aus diesem Grund empfehlen wir Ihnen die Nutzung der { $app }.
notice-german-only = Hinweis: Die { $app } ist aktuell nur auf Deutsch verfügbar. Wenn Sie die Anmeldung in einer anderen Sprache nutzen möchten, stehen Ihnen weitere Anmeldeverfahren als Alternative zur Verfügung. Diese finden Sie weiter unten auf dieser Seite.
notice-app-heading = Sichere Anmeldung mit der { $app }
notice-app-text = Mit der { $app } schützen Sie Ihr Konto. Bestätigen Sie Ihre Anmeldung durch eine einfache Freigabe auf Ihrem Smartphone.
notice-app-soon = Die Einrichtung der { $app } wird hier in Kürze möglich sein. Bis dahin wählen Sie bitte eine der Alternativen.
notice-alternatives = Alternativen zur { $app }
notice-totp-text = ein 6-stelliger Code aus einer Authenticator-App, der sich alle 30 Sekunden erneuert
notice-passkey-text = Anmeldung mit Fingerabdruck, Gesichtserkennung oder der PIN Ihres Geräts
notice-mandatory = Ohne zweiten Faktor ist keine Anmeldung im Portal möglich. Die Einrichtung dauert nur wenige Minuten.

offer-title = Passkey für dieses Konto einrichten
offer-intro = Mit einem Passkey können Sie sich sicher und bequem ohne Passwort anmelden.
offer-what-heading = Was sind Passkeys?
offer-what-text = Passkeys sind sichere digitale Schlüssel, die Sie mithilfe Ihres Fingerabdrucks, Ihrer Gesichtserkennung oder einer PIN erstellen und bei der Anmeldung statt Benutzername und Passwort verwenden.
offer-create = Passkey einrichten
offer-dont-show = Diese Seite nicht mehr anzeigen
offer-skip-needs-totp = Wenn Sie überspringen, richten Sie als Nächstes einen zweiten Faktor (TOTP) ein.
offer-skip = Überspringen

totp-setup-title = Zweiten Faktor einrichten
totp-intro = Mit einem ständig neu erzeugten Code aus einer Authenticator- oder Passwort-Manager-App schützen Sie Ihr Konto, z. B. wenn Ihr Passwort gestohlen wird.
totp-replaces = Für dieses Konto ist bereits ein zweiter Faktor (TOTP) eingerichtet. Wenn Sie fortfahren, wird er ersetzt.
totp-step-1 = 1. Schritt: Schlüssel in App hinzufügen
totp-step-1-text = Scannen Sie den QR-Code mit Ihrer Authenticator-App oder übertragen Sie den Schlüssel von Hand.
totp-qr-caption = QR-Code mit dem Schlüssel für Ihre Authenticator-App
totp-account-name = Kontoname
totp-key = Schlüssel
totp-open-app = Auf diesem Gerät in der Authenticator-App öffnen
totp-step-2 = 2. Schritt: Erzeugten Code eingeben
totp-code-label = 6-stelliger Code (TOTP) *
totp-code-hint = Geben Sie den von Ihrer Authenticator-/Passwort-Manager-App aktuell erzeugten Code ein. Der Code erneuert sich alle 30 Sekunden.
totp-confirm = Bestätigen
totp-success-heading = Erfolg
totp-success = Sie haben einen zweiten Faktor für dieses Konto erfolgreich eingerichtet. Beachten Sie: Sollte bereits zuvor ein zweiter Faktor eingerichtet gewesen sein, wurde dieser ersetzt.
totp-error-empty = Bitte geben Sie den 6-stelligen Code ein.
totp-error-wrong = Der Code ist nicht richtig oder wurde schon verwendet. Bitte geben Sie den aktuellen Code aus Ihrer App ein.
totp-error-setup-wrong = Der Code passt nicht zum angezeigten Schlüssel. Prüfen Sie, ob Sie den Schlüssel richtig übernommen haben und die Uhrzeit Ihres Geräts stimmt, und geben Sie den aktuellen Code ein.
totp-error-locked = Zu viele falsche Codes. Aus Sicherheitsgründen ist die Eingabe bis { $time } Uhr gesperrt. Sie können sich stattdessen mit einem Wiederherstellungscode anmelden.
totp-error-not-set-up = Für dieses Konto ist kein zweiter Faktor (TOTP) eingerichtet.

recovery-title = Wiederherstellungscodes
recovery-first-factor = Sie haben einen zweiten Faktor für dieses Konto erfolgreich eingerichtet.
recovery-intro = Mit jedem dieser Codes können Sie sich einmal anmelden, wenn Ihr zweiter Faktor nicht zur Hand ist, zum Beispiel weil Ihr Smartphone verloren ging. Drucken Sie die Codes aus oder speichern Sie sie in Ihrem Passwort-Manager.
recovery-once = Die Codes werden nur jetzt angezeigt. Neue Codes können Sie jederzeit in den Kontoeinstellungen erzeugen; die alten werden dann ungültig.
recovery-saved = Ich habe die Codes gespeichert
recovery-enter-title = Mit Wiederherstellungscode anmelden
recovery-enter-intro = Geben Sie einen Ihrer Wiederherstellungscodes ein. Jeder Code gilt nur einmal. Wir informieren Sie per E-Mail über die Verwendung.
recovery-code-label = Wiederherstellungscode *
recovery-code-hint = 10 Zeichen, zum Beispiel ABCDE-FGH23
recovery-error-wrong = Dieser Wiederherstellungscode ist nicht richtig oder wurde schon verwendet.
recovery-error-format = Ein Wiederherstellungscode hat 10 Zeichen (Buchstaben und Ziffern), zum Beispiel ABCDE-FGH23.

second-factor-title = Anmeldung bestätigen
second-factor-totp-intro = Geben Sie den aktuellen Code aus Ihrer Authenticator-App ein.
second-factor-passkey-heading = Mit Passkey bestätigen
second-factor-passkey-intro = Bestätigen Sie die Anmeldung mit dem Passkey auf diesem Gerät (Fingerabdruck, Gesichtserkennung oder PIN).
second-factor-passkey-button = Mit Passkey bestätigen
second-factor-passkey-needs-js = Die Anmeldung mit Passkey braucht JavaScript in Ihrem Browser.
second-factor-other-heading = Andere Möglichkeiten
second-factor-use-recovery = Mit einem Wiederherstellungscode anmelden

stepup-title = Höhere Sicherheitsstufe nötig
stepup-heading = Für diese Funktion ist eine Anmeldung mit Online-Ausweis oder ELSTER-Zertifikat nötig.
stepup-text = Besonders schützenswerte Daten können nicht mit einer Anmeldung mittels Benutzernamen/Passwort eingesehen werden.
stepup-alternative = Die Anmeldung mit Online-Ausweis oder ELSTER-Zertifikat ist in diesem Portal noch nicht verfügbar. Die Informationen erhalten Sie bei Ihrem Jobcenter persönlich oder per Post.

settings-security = Sicherheit
settings-totp = Zweiter Faktor (TOTP)
settings-totp-active = eingerichtet
settings-totp-none = nicht eingerichtet
settings-totp-setup = Zweiten Faktor einrichten
settings-totp-replace = Zweiten Faktor ersetzen
settings-totp-remove = Zweiten Faktor (TOTP) entfernen
settings-recovery = Wiederherstellungscodes
settings-recovery-left = { $left } von 10 Codes noch nicht verwendet
settings-recovery-new = Neue Wiederherstellungscodes erzeugen
settings-history-link = Verlauf anzeigen
settings-notice-last-factor = Der letzte zweite Faktor kann nicht entfernt werden. Richten Sie zuerst einen anderen ein.
settings-notice-totp-removed = Der zweite Faktor (TOTP) wurde entfernt.

history-title = Verlauf
history-intro = Hier sehen Sie, was in Ihrem Konto geschehen ist: Anmeldungen, Änderungen und Sicherheitsereignisse, das Neueste zuerst.
history-empty = Noch keine Einträge.
history-when = Zeitpunkt
history-what = Ereignis
history-registered = Registrierung
history-registration-existing-address = Erneuter Registrierungsversuch mit Ihrer E-Mail-Adresse
history-email-confirmed = E-Mail-Adresse bestätigt
history-confirmation-resent = Neuer Bestätigungslink angefordert
history-password-ok = Passwort eingegeben
history-login-abandoned = Anmeldung nach dem Passwort abgebrochen
history-login = Anmeldung
history-login-pwd-totp = Anmeldung mit Passwort und Code (TOTP)
history-login-passkey = Anmeldung mit Passkey
history-login-pwd-passkey = Anmeldung mit Passwort und Passkey
history-login-pwd-recovery = Anmeldung mit Passwort und Wiederherstellungscode
history-login-pwd-new-factor = Anmeldung mit Passwort und neu eingerichtetem zweiten Faktor
history-login-pwd-secureapp = Anmeldung mit Passwort und Secure-App
history-login-failed = Fehlgeschlagene Anmeldung
history-logout = Abmeldung
history-logout-everywhere = Überall abgemeldet
history-session-ended = Sitzung beendet
history-password-reset-requested = Zurücksetzen des Passworts angefordert
history-password-reset = Passwort zurückgesetzt
history-password-changed = Passwort geändert
history-email-change-requested = Änderung der E-Mail-Adresse angefordert
history-email-changed = E-Mail-Adresse geändert
history-username-changed = Benutzername geändert
history-access-reminder-sent = Zugangsdaten zugesandt
history-account-deleted = Konto gelöscht
history-totp-added = Zweiter Faktor (TOTP) eingerichtet
history-totp-replaced = Zweiter Faktor (TOTP) ersetzt
history-totp-removed = Zweiter Faktor (TOTP) entfernt
history-totp-ok = Code (TOTP) bestätigt
history-totp-failed = Falscher Code (TOTP)
history-totp-locked = Code-Eingabe gesperrt
history-recovery-codes-generated = Wiederherstellungscodes erzeugt
history-recovery-code-used = Wiederherstellungscode verwendet
history-recovery-code-failed = Falscher Wiederherstellungscode

mail-factor-added-subject = Neuer Anmeldefaktor in Ihrem Konto
mail-factor-added-body =
    Guten Tag,

    in Ihrem Konto bei Jobcenter Digital wurde am { $when } Uhr ein neuer Anmeldefaktor eingerichtet: { $factor }.

    Wenn Sie das nicht waren, ändern Sie bitte sofort Ihr Passwort, prüfen Sie Ihre Anmeldefaktoren und wenden Sie sich an Ihr Jobcenter:

    { $settings }

    Mit freundlichen Grüßen

    Ihr Jobcenter
mail-factor-removed-subject = Anmeldefaktor aus Ihrem Konto entfernt
mail-factor-removed-body =
    Guten Tag,

    aus Ihrem Konto bei Jobcenter Digital wurde am { $when } Uhr ein Anmeldefaktor entfernt: { $factor }.

    Wenn Sie das nicht waren, ändern Sie bitte sofort Ihr Passwort und wenden Sie sich an Ihr Jobcenter:

    { $settings }

    Mit freundlichen Grüßen

    Ihr Jobcenter
mail-recovery-used-subject = Wiederherstellungscode verwendet
mail-recovery-used-body =
    Guten Tag,

    am { $when } Uhr wurde bei der Anmeldung in Ihrem Konto bei Jobcenter Digital ein Wiederherstellungscode verwendet. Noch nicht verwendete Codes: { $left }.

    Wenn Sie das nicht waren, ändern Sie bitte sofort Ihr Passwort, erzeugen Sie neue Wiederherstellungscodes und wenden Sie sich an Ihr Jobcenter:

    { $settings }

    Mit freundlichen Grüßen

    Ihr Jobcenter
mail-new-browser-subject = Anmeldung von einem neuen Browser
mail-new-browser-body =
    Guten Tag,

    am { $when } Uhr hat sich jemand mit Ihren Zugangsdaten von einem Browser angemeldet, den wir noch nicht kannten: { $browser }, IP-Adresse { $ip }.

    Wenn Sie das waren, müssen Sie nichts tun. Wenn nicht, beenden Sie die Sitzung, ändern Sie sofort Ihr Passwort und wenden Sie sich an Ihr Jobcenter:

    { $sessions }

    Mit freundlichen Grüßen

    Ihr Jobcenter
