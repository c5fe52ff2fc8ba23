## Layout
layout-skip = Zum Inhalt springen
layout-nav-service = Service-Navigation
layout-nav-footer = Weitere Informationen
layout-sign-language = Gebärdensprache
layout-easy-language = Leichte Sprache
layout-login = Anmelden
layout-logout = Abmelden
layout-session-left = Zeit bis zur automatischen Abmeldung:
layout-minutes = { $minutes } Min.
layout-session-extend = Sitzung verlängern
layout-session-warning = Ihre Sitzung läuft bald ab. Wählen Sie „Sitzung verlängern“, um angemeldet zu bleiben.

## Forms
form-required-note = Bitte alle mit * markierten Felder ausfüllen
form-error-summary = Bitte korrigieren Sie folgende Angaben:
form-cancel = Abbrechen
form-email-empty = Bitte geben Sie Ihre E-Mail-Adresse ein.
form-email-too-long = Die E-Mail-Adresse ist zu lang (höchstens 254 Zeichen).
form-email-invalid = Bitte geben Sie eine gültige E-Mail-Adresse ein, zum Beispiel name@beispiel.de.
form-password-rules = Das Passwort erfüllt noch nicht alle Kriterien. Die offenen Kriterien sind mit × markiert.
form-password-repeat-mismatch = Die beiden Passwörter stimmen nicht überein.
form-password-contains-email = Das Passwort darf Ihre E-Mail-Adresse (den Teil vor dem @) nicht enthalten.
form-password-too-common = Dieses Passwort ist zu leicht zu erraten, weil es sehr verbreitet ist oder einfachen Mustern folgt. Bitte wählen Sie ein anderes.
error-rate-limited-hour = Zu viele Anfragen. Bitte versuchen Sie es in einer Stunde erneut.

## Password checklist (ACC-3)
pw-rules-intro = Geben Sie ein Passwort an. Es muss folgende Kriterien erfüllen:
pw-rule-length = 12 bis 128 Zeichen lang
pw-rule-upper = Mindestens ein Großbuchstabe (A - Z)
pw-rule-lower = Mindestens ein Kleinbuchstabe (a - z)
pw-rule-digit = Mindestens eine Ziffer (0 - 9)
pw-rule-special = Mindestens eines der folgenden Sonderzeichen: { $chars }
pw-rule-allowed = Keine unerlaubten Zeichen
pw-rule-repeat = Richtige Passwortwiederholung
pw-rule-met = (erfüllt)
pw-rule-open = (nicht erfüllt)

## Start
start-title = Startseite
start-heading = Willkommen bei Jobcenter Digital
start-intro = Erledigen Sie Ihre Anliegen beim Jobcenter online: sicher, jederzeit und ohne Wartezeit.
start-login-heading = Sie haben schon ein Konto?
start-login-text = Melden Sie sich mit Ihrer E-Mail-Adresse oder Ihrem Benutzernamen an.
start-register-heading = Noch kein Konto?
start-register-text = Die Registrierung dauert nur wenige Minuten. Sie brauchen dafür eine E-Mail-Adresse.
start-steps-heading = So kommen Sie ans Ziel
start-step-1 = Benutzerkonto erstellen und E-Mail-Adresse bestätigen
start-step-2 = Zweiten Faktor einrichten, damit nur Sie sich anmelden können
start-step-3 = Freischaltcode Ihres Jobcenters eingeben
start-step-4 = Online-Kommunikation aktivieren
start-help = Hilfe und Informationen

## Login (ACC-1)
login-title = Anmeldung
login-intro = Melden Sie sich bitte mit Ihren Zugangsdaten an:
login-identifier = Benutzername / E-Mail-Adresse
login-password = Passwort
login-submit = Anmelden
login-back = ← Zurück
login-no-account = Noch kein Konto?
login-register-now = Jetzt registrieren
login-link-mfa-info = Informationen zur Mehr-Faktor-Authentifizierung
login-link-help = Hilfe bei Problemen rund um die Anmeldung
login-link-passkeys = Hilfe und Informationen zu Passkeys
login-link-totp = Hilfe und Informationen zum Zweiten Faktor (TOTP)
login-error-identifier-empty = Bitte geben Sie Ihren Benutzernamen oder Ihre E-Mail-Adresse ein.
login-error-password-empty = Bitte geben Sie Ihr Passwort ein.
login-error-wrong = Benutzername / E-Mail-Adresse oder Passwort ist falsch. Bitte prüfen Sie Ihre Eingaben.
login-error-rate-limited = Zu viele Anmeldeversuche. Aus Sicherheitsgründen ist die Anmeldung für 15 Minuten gesperrt. Bitte versuchen Sie es später erneut oder setzen Sie Ihr Passwort zurück.
login-unconfirmed-heading = Ihre E-Mail-Adresse ist noch nicht bestätigt.
login-unconfirmed-text = Bitte öffnen Sie den Link in der E-Mail, die wir Ihnen nach der Registrierung gesendet haben. Sie können einen neuen Link anfordern.
login-notice-password-reset = Ihr Passwort wurde geändert. Bitte melden Sie sich mit dem neuen Passwort an.
login-notice-logged-out = Sie haben sich abgemeldet.
login-notice-all-ended = Sie wurden auf allen Geräten abgemeldet.

## Registration (ACC-2 … ACC-5)
register-title = Registrierung
register-intro = Registrieren Sie sich, um die Online-Angebote von Jobcenter Digital nutzen zu können.
register-section-email = E-Mail-Adresse
register-section-password = Passwort
register-section-consent = Zustimmung und Einwilligung
register-email = E-Mail-Adresse *
register-email-hint = Bitte geben Sie Ihre E-Mail-Adresse ein.
register-password = Passwort *
register-password-repeat = Passwort wiederholen *
register-consent-intro = Zur Registrierung benötigen wir Ihre Zustimmung zu unseren Nutzungsbedingungen, sowie Ihre Einwilligung zur Nutzung der E-Mail-Adresse.
register-consent-terms-html = Ich habe die <a class="kern-link" href="/seite/nutzungsbedingungen">Nutzungsbedingungen</a> gelesen und akzeptiere sie. *
register-consent-email-html = Ich willige ein, dass die E-Mail-Adresse vom Jobcenter im Sinne der <a class="kern-link" href="/seite/datenschutz">Datenschutzerklärung</a> Kapitel „Verarbeitung der Registrierungsdaten“ erhoben und verarbeitet werden darf. Die Einwilligung kann gemäß der Datenschutzerklärung Kapitel „Widerrufsmöglichkeit“ jederzeit ohne Angabe von Gründen mit Wirkung für die Zukunft widerrufen werden. *
register-submit = Registrieren
register-error-terms = Bitte stimmen Sie den Nutzungsbedingungen zu.
register-error-email-consent = Bitte willigen Sie in die Verarbeitung Ihrer E-Mail-Adresse ein.
register-error-rate-limited = Von Ihrem Anschluss wurden zu viele Registrierungen gesendet. Bitte versuchen Sie es in einer Stunde erneut.
register-success = Sie haben sich erfolgreich registriert.
register-next-step = Ihr nächster Schritt:
register-next-confirm = Bestätigen Sie bitte Ihre E-Mail-Adresse
register-next-open-mail = Öffnen Sie dazu die E-Mail, die wir Ihnen gerade an diese E-Mail-Adresse gesandt haben.
register-no-mail = Keine E-Mail erhalten? Prüfen Sie bitte auch den Spam-Ordner.
register-feedback-question = Wie hat Ihnen die Registrierung gefallen?
register-feedback-hint = 1 = gar nicht, 5 = sehr gut. Ihre Antwort ist freiwillig und anonym.
register-feedback-submit = Bewertung senden
register-feedback-error = Bitte wählen Sie eine Bewertung von 1 bis 5.
register-feedback-thanks = Vielen Dank für Ihre Rückmeldung.

## E-mail confirmation (ACC-6, ACC-7)
confirm-title = Bestätigung der E-Mail-Adresse
confirm-success = Sie haben Ihre E-Mail-Adresse erfolgreich bestätigt.
confirm-success-text = Sie können sich jetzt bei Jobcenter Digital mit der E-Mail-Adresse anmelden und unsere Online-Angebote nutzen.
confirm-to-login = Zur Anmeldung
confirm-link-invalid-heading = Dieser Link ist abgelaufen oder wurde bereits verwendet.
confirm-link-invalid-text = Bestätigungslinks gelten 24 Stunden und nur einmal. Fordern Sie bitte einen neuen Link an.
resend-title = Neuen Bestätigungslink anfordern
resend-intro = Geben Sie die E-Mail-Adresse ein, mit der Sie sich registriert haben. Wir senden Ihnen einen neuen Link.
resend-submit = Neuen Link senden
resend-sent-heading = Wir haben Ihre Anfrage erhalten.
resend-sent-text = Wenn für { $email } eine unbestätigte Registrierung besteht, erhalten Sie in wenigen Minuten eine E-Mail mit einem neuen Link. Der Link gilt 24 Stunden.

## Forgotten password (ACC-10)
forgot-title = Passwort vergessen
forgot-intro = Geben Sie Ihren Benutzernamen oder Ihre E-Mail-Adresse ein. Wir senden Ihnen einen Link, mit dem Sie ein neues Passwort festlegen können.
forgot-submit = Link anfordern
forgot-sent-heading = Wir haben Ihre Anfrage erhalten.
forgot-sent-text = Wenn zu Ihrer Eingabe ein Konto besteht, erhalten Sie in wenigen Minuten eine E-Mail mit einem Link. Der Link gilt eine Stunde und nur einmal.
forgot-sent-hint = Ihr zweiter Faktor bleibt bestehen: Bei der nächsten Anmeldung werden Sie wie gewohnt danach gefragt.
reset-title = Neues Passwort festlegen
reset-intro = Legen Sie ein neues Passwort fest. Danach werden Sie auf allen Geräten abgemeldet.
reset-submit = Passwort speichern
reset-link-invalid-heading = Dieser Link ist abgelaufen oder wurde bereits verwendet.
reset-link-invalid-text = Links zum Zurücksetzen gelten eine Stunde und nur einmal. Fordern Sie bitte einen neuen Link an.
reset-request-new = Neuen Link anfordern

## Forgotten user name (ACC-11)
reminder-title = Benutzername / E-Mail-Adresse vergessen
reminder-intro = Geben Sie Ihre E-Mail-Adresse oder Ihren Benutzernamen ein. Wir senden Ihre Zugangsdaten an die E-Mail-Adresse, die in Ihrem Konto gespeichert ist.
reminder-hint = Zum Beispiel name@beispiel.de oder Ihr Benutzername
reminder-submit = Zugangsdaten senden
reminder-error-empty = Bitte geben Sie Ihre E-Mail-Adresse oder Ihren Benutzernamen ein.
reminder-sent-heading = Wir haben Ihre Anfrage erhalten.
reminder-sent-text = Wenn zu Ihrer Eingabe ein Konto besteht, senden wir Benutzername und E-Mail-Adresse an die gespeicherte E-Mail-Adresse.
reminder-no-access = Wenn Sie Ihre Zugangsdaten nicht mehr haben und auch keinen Zugriff auf Ihre E-Mail-Adresse, wenden Sie sich bitte mit Ihrem Ausweis an eine Mitarbeiterin oder einen Mitarbeiter Ihres Jobcenters.
reminder-no-username = (kein Benutzername festgelegt – Sie melden sich mit Ihrer E-Mail-Adresse an)

## Account settings (ACC-11, ACC-12, MFA-60)
settings-title = Kontoeinstellungen
settings-back = Zurück zu den Kontoeinstellungen
settings-access = Zugangsdaten
settings-password = Passwort
settings-change-email = E-Mail-Adresse ändern
settings-current-password = Aktuelles Passwort *
settings-error-current-password = Das aktuelle Passwort ist nicht richtig.
settings-passwordless-note = Ihr Konto hat kein Passwort. Zur Bestätigung zählt Ihre Anmeldung mit dem Passkey; sie darf höchstens 10 Minuten zurückliegen.
settings-error-reauth = Ihre Anmeldung mit dem Passkey liegt mehr als 10 Minuten zurück. Bitte melden Sie sich ab und erneut mit Ihrem Passkey an, um diese Änderung zu bestätigen.
settings-username = Benutzername
settings-username-intro = Mit einem Benutzernamen können Sie sich auch ohne E-Mail-Adresse anmelden. Lassen Sie das Feld leer, um den Benutzernamen zu entfernen.
settings-username-hint = 3 bis 30 Zeichen: Buchstaben (A - Z, a - z), Ziffern, Punkt, Bindestrich und Unterstrich; am Anfang ein Buchstabe.
settings-username-save = Benutzername speichern
settings-language = Sprache
settings-language-label = Sprache für Seiten und E-Mails
settings-language-save = Sprache speichern
settings-sessions-intro = Sehen Sie, wo Sie angemeldet sind, und melden Sie sich bei Bedarf überall ab.
settings-sessions-link = Aktive Sitzungen anzeigen
settings-delete-intro = Sie können Ihr Konto jederzeit löschen.
settings-notice-password-changed = Ihr Passwort wurde geändert. Auf allen anderen Geräten wurden Sie abgemeldet.
settings-notice-username-saved = Ihr Benutzername wurde gespeichert.
settings-notice-username-removed = Ihr Benutzername wurde entfernt.
settings-notice-language-saved = Ihre Sprache wurde gespeichert.
settings-notice-email-requested = Wir haben einen Bestätigungslink an die neue E-Mail-Adresse gesendet. Die Änderung gilt, sobald Sie den Link öffnen.
settings-notice-email-changed = Ihre E-Mail-Adresse wurde geändert.
settings-notice-session-ended = Die Sitzung wurde beendet.
username-error-length = Der Benutzername muss 3 bis 30 Zeichen lang sein.
username-error-characters = Der Benutzername darf nur Buchstaben (A - Z, a - z), Ziffern, Punkt, Bindestrich und Unterstrich enthalten.
username-error-first = Der Benutzername muss mit einem Buchstaben beginnen.
username-error-taken = Dieser Benutzername ist bereits vergeben. Bitte wählen Sie einen anderen.
password-change-title = Passwort ändern
password-change-intro = Geben Sie Ihr aktuelles Passwort und zweimal das neue Passwort ein. Danach werden Sie auf allen anderen Geräten abgemeldet.
password-change-new = Neues Passwort *
password-change-submit = Passwort ändern
email-change-title = E-Mail-Adresse ändern
email-change-current = Ihre E-Mail-Adresse: { $email }
email-change-intro = Wir senden einen Bestätigungslink an die neue E-Mail-Adresse. Die Änderung gilt erst, wenn Sie den Link öffnen. Ihre bisherige Adresse wird darüber informiert.
email-change-new = Neue E-Mail-Adresse *
email-change-submit = Bestätigungslink senden
email-change-error-same = Das ist bereits Ihre E-Mail-Adresse.
email-change-done-heading = Ihre E-Mail-Adresse wurde geändert.
email-change-done-text = Melden Sie sich ab jetzt mit der neuen E-Mail-Adresse an.
email-change-link-invalid-heading = Dieser Link ist abgelaufen oder wurde bereits verwendet.
email-change-link-invalid-text = Links zur Änderung der E-Mail-Adresse gelten 24 Stunden und nur einmal. Bitte fordern Sie die Änderung erneut an.
email-change-again = Änderung erneut anfordern
sessions-title = Aktive Sitzungen
sessions-intro = Hier sehen Sie alle Geräte und Browser, in denen Sie gerade angemeldet sind. Beenden Sie Sitzungen, die Sie nicht kennen, und ändern Sie dann Ihr Passwort.
sessions-browser = Browser
sessions-address = IP-Adresse
sessions-since = Angemeldet seit
sessions-last-seen = Zuletzt aktiv
sessions-action = Aktion
sessions-this = Diese Sitzung
sessions-end = Beenden
sessions-end-all = Überall abmelden
delete-title = Konto löschen
delete-warning-heading = Das Löschen kann nicht rückgängig gemacht werden.
delete-warning-text = Ihr Konto und Ihre Anmeldedaten werden gelöscht. Ihre Anliegen beim Jobcenter bleiben bestehen und werden auf dem Postweg weiter bearbeitet. Was wir aus rechtlichen Gründen aufbewahren müssen, wird ohne Ihre Anmeldedaten gespeichert.
delete-confirm-label = Ich möchte mein Konto endgültig löschen. *
delete-error-confirm = Bitte bestätigen Sie, dass Sie Ihr Konto löschen möchten.
delete-error-staff = Konten von Mitarbeitenden löschen Sie nicht selbst: Bitte wenden Sie sich an die Administration Ihrer Dienststelle.
delete-submit = Konto endgültig löschen
delete-done-heading = Ihr Konto wurde gelöscht.
delete-done-text = Wir haben Ihnen eine Bestätigung per E-Mail gesendet. Sie können jederzeit ein neues Konto anlegen.
delete-done-home = Zur Startseite

## Local mailbox (local mode only)
local-mail-title = Postausgang (lokal)
local-mail-intro = Dieser Server läuft ohne Mailserver. Alle E-Mails, die das Portal senden würde, stehen hier. Diese Seite gibt es nur im lokalen Betrieb.
local-mail-empty = Noch keine E-Mails.
local-mail-to = An
local-mail-sent = Gesendet
local-mail-back = Zurück zum Postausgang

## Errors
error-notfound-title = Seite nicht gefunden
error-notfound-heading = Diese Seite gibt es nicht.
error-notfound-text = Bitte prüfen Sie die Adresse oder beginnen Sie auf der Startseite.
error-internal-title = Technischer Fehler
error-internal-heading = Es ist ein technischer Fehler aufgetreten.
error-internal-text = Ihre Eingaben sind nicht verloren gegangen, wenn Sie zurückgehen. Bitte versuchen Sie es in einigen Minuten erneut. Wenn der Fehler bleibt, nennen Sie dem Support bitte die Fehlernummer.
error-forbidden-title = Anfrage abgelehnt
error-forbidden-heading = Diese Anfrage wurde aus Sicherheitsgründen abgelehnt.
error-forbidden-text = Das Formular wurde nicht von dieser Seite gesendet. Bitte öffnen Sie die Seite erneut und senden Sie das Formular noch einmal.
error-too-large-title = Eingabe zu groß
error-too-large-heading = Ihre Eingabe ist zu groß und wurde nicht angenommen.
error-too-large-text = Ein Formular darf insgesamt höchstens 256 KB Text enthalten. Bitte gehen Sie zurück, kürzen Sie Ihre Angaben und senden Sie das Formular noch einmal. Nichts von dieser Eingabe wurde gespeichert.
error-invalid-title = Ungültige Eingabe
error-invalid-heading = Ihre Eingabe enthält ein unzulässiges Zeichen.
error-invalid-text = Bitte gehen Sie zurück, prüfen Sie Ihre Angaben und senden Sie das Formular noch einmal. Nichts von dieser Eingabe wurde gespeichert.
error-pending-title = Formular wird bearbeitet
error-pending-heading = Dieses Formular wurde bereits gesendet und wird noch bearbeitet.
error-pending-text = Bitte senden Sie es nicht noch einmal. Öffnen Sie die Seite in einigen Sekunden erneut, um das Ergebnis zu sehen.
error-request-id = Fehlernummer:
error-to-start = Zur Startseite

## Mails (subject, body; the footer is added to every mail)
mail-footer =
    Bitte antworten Sie nicht auf diese E-Mail: Sie wurde automatisch versandt. Ihre Fragen rund um Ihr Konto beantworten wir gern telefonisch.
    Wie Sie unseren Technischen Support erreichen können, erfahren Sie auf der Seite „Hilfe bei Problemen rund um die Anmeldung“ im Portal.
    Hinweis: Informationen zu unserem Servicetelefon für Menschen mit Hörbeeinträchtigungen sind dort ebenfalls zu finden.
mail-confirm-subject = Bestätigung Ihrer E-Mail-Adresse
mail-confirm-body =
    Guten Tag,

    Sie haben im Portal Jobcenter Digital folgende E-Mail-Adresse angegeben:

    { $email }

    Bitte bestätigen Sie diese E-Mail-Adresse, indem Sie auf folgenden Link klicken:

    { $link }

    Wichtig: Bestätigen Sie Ihre E-Mail-Adresse innerhalb von 24 Stunden.

    Mit freundlichen Grüßen

    Ihr Jobcenter
mail-exists-subject = Registrierung mit Ihrer E-Mail-Adresse
mail-exists-body =
    Guten Tag,

    jemand hat versucht, sich mit Ihrer E-Mail-Adresse im Portal Jobcenter Digital zu registrieren. Für diese Adresse besteht bereits ein Konto.

    Wenn Sie das waren: Melden Sie sich einfach an:

    { $login }

    Wenn Sie Ihr Passwort vergessen haben, können Sie es hier zurücksetzen:

    { $reset }

    Wenn Sie das nicht waren, müssen Sie nichts tun. Ihr Konto wurde nicht verändert.

    Mit freundlichen Grüßen

    Ihr Jobcenter
mail-reset-subject = Ihr Link zum Zurücksetzen des Passworts
mail-reset-body =
    Guten Tag,

    Sie haben ein neues Passwort für Ihr Konto bei Jobcenter Digital angefordert. Legen Sie es über diesen Link fest:

    { $link }

    Wichtig: Der Link gilt eine Stunde und nur einmal.

    Wenn Sie das nicht angefordert haben, müssen Sie nichts tun. Ihr Passwort bleibt unverändert.

    Mit freundlichen Grüßen

    Ihr Jobcenter
mail-password-changed-subject = Ihr Passwort wurde geändert
mail-password-changed-body =
    Guten Tag,

    das Passwort Ihres Kontos bei Jobcenter Digital wurde soeben geändert. Aus Sicherheitsgründen wurden Sie auf allen anderen Geräten abgemeldet.

    Wenn Sie das nicht waren, setzen Sie Ihr Passwort sofort zurück und wenden Sie sich an Ihr Jobcenter:

    { $login }

    Mit freundlichen Grüßen

    Ihr Jobcenter
mail-reminder-subject = Ihre Zugangsdaten
mail-reminder-body =
    Guten Tag,

    Sie haben Ihre Zugangsdaten für Jobcenter Digital angefordert.

    E-Mail-Adresse: { $email }
    Benutzername: { $username }

    Zur Anmeldung:

    { $login }

    Wenn Sie das nicht angefordert haben, müssen Sie nichts tun.

    Mit freundlichen Grüßen

    Ihr Jobcenter
mail-email-change-confirm-subject = Bestätigung Ihrer neuen E-Mail-Adresse
mail-email-change-confirm-body =
    Guten Tag,

    Sie möchten die E-Mail-Adresse Ihres Kontos bei Jobcenter Digital in diese Adresse ändern. Bitte bestätigen Sie die Änderung mit folgendem Link:

    { $link }

    Wichtig: Bestätigen Sie die Änderung innerhalb von 24 Stunden.

    Wenn Sie das nicht waren, müssen Sie nichts tun.

    Mit freundlichen Grüßen

    Ihr Jobcenter
mail-email-change-requested-subject = Änderung Ihrer E-Mail-Adresse angefordert
mail-email-change-requested-body =
    Guten Tag,

    für Ihr Konto bei Jobcenter Digital wurde die Änderung der E-Mail-Adresse in { $email } angefordert. Die Änderung gilt erst, wenn sie über den Link an die neue Adresse bestätigt wird.

    Wenn Sie das nicht waren, ändern Sie bitte sofort Ihr Passwort und wenden Sie sich an Ihr Jobcenter.

    Mit freundlichen Grüßen

    Ihr Jobcenter
mail-email-changed-subject = Ihre E-Mail-Adresse wurde geändert
mail-email-changed-body =
    Guten Tag,

    die E-Mail-Adresse Ihres Kontos bei Jobcenter Digital wurde in { $email } geändert. An diese Adresse senden wir ab jetzt keine Nachrichten mehr.

    Wenn Sie das nicht waren, wenden Sie sich bitte sofort mit Ihrem Ausweis an Ihr Jobcenter.

    Mit freundlichen Grüßen

    Ihr Jobcenter
mail-email-taken-subject = Ihre E-Mail-Adresse wurde für ein anderes Konto angegeben
mail-email-taken-body =
    Guten Tag,

    jemand hat versucht, Ihre E-Mail-Adresse in einem anderen Konto bei Jobcenter Digital einzutragen. Da für Ihre Adresse schon ein Konto besteht, wurde nichts geändert.

    Ihr Konto:

    { $login }

    Mit freundlichen Grüßen

    Ihr Jobcenter
mail-deleted-subject = Ihr Konto wurde gelöscht
mail-deleted-body =
    Guten Tag,

    Ihr Konto bei Jobcenter Digital wurde auf Ihren Wunsch gelöscht. Ihre Anliegen beim Jobcenter bleiben bestehen und werden auf dem Postweg weiter bearbeitet.

    Wenn Sie das nicht waren, wenden Sie sich bitte sofort mit Ihrem Ausweis an Ihr Jobcenter.

    Mit freundlichen Grüßen

    Ihr Jobcenter
