## «Ваші справи» та електронні послуги (portal/antraege, APP-1 … APP-4)

antraege-title = Ваші справи
antraege-leer = Ви ще не подали й не розпочали жодної заяви.
antraege-aktualisiert = Останнє оновлення
antraege-status = Статус
antraege-weiterer = Показати ще одну справу
antraege-buergergeld = Bürgergeld
antraege-bewilligt-bis = Bürgergeld вам призначено до { $datum }.
antraege-verlauf-buergergeld = Історія щодо Bürgergeld
antraege-uebersicht-buergergeld = Огляд щодо Bürgergeld
antraege-aktueller-bezug = Ваші поточні виплати
antraege-nicht-online = Ця функція ще недоступна онлайн. Ваш Jobcenter охоче надасть вам інформацію.
eservices-title = Усі електронні послуги
eservices-intro = Ці заяви та повідомлення ви можете надіслати до свого Jobcenter онлайн. Ви можете будь-коли перерватися: ваші дані зберігаються як чернетка.
eservices-alle = Показати всі електронні послуги

antrag-start-title = Заява
antrag-start-intro = Форма складається з { $anzahl } кроків. Ви можете будь-коли вибрати «Зберегти чернетку» і продовжити пізніше.
antrag-starten = Розпочати заяву
antrag-hinweis = Важлива інформація
antrag-fortschritt = Крок { $schritt } з { $gesamt }
antrag-weiter = Далі
antrag-zurueck = Назад
antrag-entwurf-speichern = Зберегти чернетку
antrag-entwurf-gespeichert = Вашу чернетку збережено. Ви знайдете її в розділі «Ваші справи».
antrag-entwurf-hinweis = Цю заяву ще не надіслано. Ви її ще заповнюєте.
antrag-fortsetzen = Продовжити заповнення
antrag-verwerfen = Видалити чернетку
antrag-verworfen = Чернетку видалено.
antrag-ja = Так
antrag-nein = Ні
antrag-eintrag = { $feld }: запис { $nummer }
antrag-bescheid = { $titel } від { $datum }
antrag-bescheid-mit-frist = { $titel } від { $datum } (заперечення до { $frist })

antrag-nachweise-title = Підтвердні документи
antrag-nachweise-intro = Будь ласка, завантажте підтвердні документи, що стосуються ваших даних: PDF, JPG або PNG. Те, чого зараз немає під рукою і що не є обов’язковим, ви можете подати пізніше.
antrag-nachweis-datei = Виберіть файл для «{ $nachweis }»
antrag-pflicht = обов’язково
antrag-nachreichbar = можна подати пізніше
antrag-nachweise-aendern = Змінити підтвердні документи
antrag-keine-nachweise = Підтвердні документи не завантажено.

antrag-zusammenfassung-title = Перевірте свої дані
antrag-zusammenfassung-intro = Будь ласка, перевірте свої дані. Кнопка «Змінити» поверне вас до запитання.
antrag-aendern = Змінити
antrag-noch-offen = Перш ніж ви зможете надіслати заяву:
antrag-absenden = Надіслати заяву
antrag-gesendet = Вашу заяву надіслано. Підтвердження надходження ви знайдете на цій сторінці.
antrag-gesendet-am = Надіслано онлайн { $zeit }
antrag-quittung = Підтвердження надходження (PDF)
antrag-wie-weiter = Що далі?
antrag-bescheid-ansehen = Перейти до рішення
antrag-fuer-bg = для домогосподарства (Bedarfsgemeinschaft) { $bg }
antrag-vorgangsnummer = Номер справи { $nummer }
antrag-stufen = Стан опрацювання

antrag-status-entwurf = Заповнюється вами
antrag-status-gesendet = Надіслано вами онлайн
antrag-status-eingegangen = Отримано
antrag-status-in-bearbeitung = Опрацьовується
antrag-status-unterlagen-fehlen = Бракує документів
antrag-status-entschieden = Ухвалено рішення
antrag-status-zurueckgezogen = Відкликано
antrag-weiter-eingegangen = Ваша заява надійшла до вашого Jobcenter. Її опрацює співробітниця або співробітник. Зараз вам нічого не потрібно робити.
antrag-weiter-in-bearbeitung = Ваша заява опрацьовується. Якщо чогось бракуватиме, ми з вами зв’яжемося.
antrag-weiter-unterlagen-fehlen = Для опрацювання ще бракує документів. Будь ласка, подайте їх до зазначеного строку.
antrag-weiter-entschieden = За вашою заявою ухвалено рішення. Ви знайдете його в розділі «Рішення та довідки».
antrag-weiter-zurueckgezogen = Заяву відкликано на ваше прохання.

antrag-fehler-pflicht = Будь ласка, заповніть поле «{ $feld }».
antrag-fehler-zahl = Будь ласка, введіть ціле число в полі «{ $feld }».
antrag-fehler-betrag = Будь ласка, введіть суму в євро в полі «{ $feld }», наприклад 1.234,56.
antrag-fehler-datum = Будь ласка, введіть дату в полі «{ $feld }», наприклад 31.12.2026.
antrag-fehler-janein = Будь ласка, виберіть Так або Ні в полі «{ $feld }».
antrag-fehler-iban = IBAN у полі «{ $feld }» недійсний. Будь ласка, перевірте його.
antrag-fehler-format = Будь ласка, перевірте значення в полі «{ $feld }»: воно не відповідає очікуваному формату.
antrag-fehler-zu-kurz = Поле «{ $feld }» має містити щонайменше { $anzahl } символів.
antrag-fehler-zu-lang = Поле «{ $feld }» може містити не більше { $anzahl } символів.
antrag-fehler-minimum = Найменше можливе значення в полі «{ $feld }» — { $wert }.
antrag-fehler-maximum = Найбільше можливе значення в полі «{ $feld }» — { $wert }.
antrag-fehler-auswahl = Будь ласка, виберіть у полі «{ $feld }» один із запропонованих варіантів.
antrag-fehler-unbekannt = Форма не знає таких даних: { $felder }.
antrag-fehler-regel = Будь ласка, перевірте значення в полі «{ $feld }».
antrag-fehler-nachweis = Будь ласка, завантажте «{ $nachweis }».
antrag-fehler-version = Тим часом цю форму було змінено. Будь ласка, почніть заяву заново; ваші дані буде перенесено, якщо вони ще підходять.

portal-event-application-sent = Заяву надіслано онлайн
portal-event-application-status = Змінено стан опрацювання заяви
portal-event-documents-requested = Запитано додаткові документи
portal-event-documents-supplied = Подано додаткові документи
arbeit-art-antrag = Заява

mail-antrag-eingang-subject = Вашу заяву отримано
mail-antrag-eingang-body = Доброго дня,

    ваша заява надійшла до вашого Jobcenter. З міркувань захисту даних її зміст не наводиться в цьому листі.

    Стан опрацювання та підтвердження надходження ви побачите після входу в розділі «Ваші справи»:
    { $link }
antraege-entry-text = Подавайте заяви, продовжуйте чернетки та стежте за станом опрацювання.
antraege-entry-weiterbewilligung = Подати заяву на продовження виплат
antraege-veraenderung-mitteilen = Повідомити про зміни
antrag-was-tun = Що вам потрібно зробити зараз
antrag-frist = Будь ласка, зробіть це до { $datum }
antrag-nachreichen-datei = Виберіть документи (PDF, JPG або PNG)
antrag-nachreichen = Надіслати документи
antrag-nachgereicht = Дякуємо. Ваші документи надіслано.
antrag-nachreichen-fehler = Не вдалося прийняти документи. Будь ласка, надішліть неушкоджені файли PDF, JPG або PNG.
antrag-nachreichen-leer = Будь ласка, виберіть щонайменше один файл.
bo-antrag-title = Заява
bo-antrag-nummer = Номер справи
bo-antrag-gesendet = Надіслано онлайн
bo-antrag-anfragen = Запитані додаткові документи
bo-antrag-beantwortet = подано
bo-antrag-bearbeiten = Опрацювання (бачить клієнт)
bo-antrag-in-bearbeitung = Встановити статус «Опрацьовується»
bo-antrag-anfrage-text = Яких документів бракує?
bo-antrag-anfrage-frist = Строк
bo-antrag-nachfordern = Запитати додаткові документи
bo-antrag-bescheid = Рішення (попередньо опубліковане в розділі «Рішення та довідки»)
bo-antrag-entscheiden = Позначити як «Ухвалено рішення»
bo-antrag-zurueckziehen = Відкликати на прохання клієнта
bo-antrag-vorgang = Завдання
bo-antrag-gespeichert = Зміну збережено; клієнта повідомлено.
bo-antrag-bescheid-fehlt = Будь ласка, виберіть рішення цього клієнта.
bo-antrag-anfrage-fehlt = Будь ласка, зазначте, яких документів бракує (не більше 2000 символів), і строк у майбутньому.
bo-what-antrag = Відкрито заяву
mail-antrag-status-subject = Новини щодо вашої заяви
mail-antrag-status-body = Доброго дня,

    щодо вашої заяви є новини. З міркувань захисту даних її зміст не наводиться в цьому листі.

    Стан опрацювання ви побачите після входу в розділі «Ваші справи»:
    { $link }

# The receipt PDF (German always; the client's language beside it).
quittung-titel = Підтвердження надходження
quittung-vorgangsnummer = Номер справи
quittung-gesendet = Надіслано онлайн
quittung-name = Ім'я
quittung-kundennummer = Номер клієнта
quittung-einleitung = Джобцентр отримав вашу заяву. Це підтвердження містить усі ваші відповіді та документи, які ви надіслали разом із заявою. Будь ласка, збережіть його.
quittung-nachweise = Надіслані документи
quittung-keine-nachweise = Разом із цією заявою документи не надсилалися.
quittung-groesse = Розмір
quittung-keine-angabe = не зазначено

# Deadlines (fristen.rs): draft deletion and the Weiterbewilligung reminder.
mail-antrag-entwurf-erinnerung-subject = Вашу чернетку заяви незабаром буде видалено
mail-antrag-entwurf-erinnerung-body = Добрий день,

    одну з ваших чернеток заяв буде видалено { $datum }, якщо ви до того часу не відредагуєте або не надішлете її. З міркувань захисту даних зміст не наводиться в цьому листі.

    Ви можете продовжити чернетку після входу в розділі «Ваші справи»:
    { $link }
mail-weiterbewilligung-erinnerung-subject = Ваш період призначення допомоги незабаром закінчується
mail-weiterbewilligung-erinnerung-body = Добрий день,

    ваш період призначення громадянської допомоги (Bürgergeld) закінчується { $datum }. Щоб і далі отримувати допомогу, будь ласка, вчасно подайте заяву на продовження. Відповіді, які не змінилися, вже заповнено з вашої останньої заяви.

    До заяви на продовження (після входу):
    { $link }
antraege-weiterbewilligung-faellig = Ваш період призначення допомоги закінчується { $datum }. Щоб і далі отримувати Bürgergeld, будь ласка, вчасно подайте заяву на продовження.
bo-antrag-zeitraum = Період призначення згідно з рішенням (для нагадування про заяву на продовження)
bo-antrag-zeitraum-von = З
bo-antrag-zeitraum-bis = До
bo-antrag-zeitraum-fehler = Будь ласка, вкажіть повний період призначення: «До» має бути після «З» і після сьогоднішньої дати.
bo-antrag-zeitraum-aktuell = Поточний період призначення: з { $von } до { $bis }
