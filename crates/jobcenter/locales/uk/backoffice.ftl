# Back office (ADM-1 … ADM-5, MFA-70, PRF-2, OKO-3)

bo-role-service = Сервіс
bo-role-leistung = Виплати
bo-role-vermittlung = Працевлаштування
bo-role-admin = Адміністрування

bo-nav-label = Бек-офіс
bo-nav-start = Огляд
bo-nav-search = Пошук клієнтів
bo-nav-new-client = Створити запис клієнта
bo-nav-print = Завдання друку
bo-signed-in-as = Ви увійшли як { $name }

bo-forbidden-title = Немає доступу
bo-forbidden-text = Ця сторінка доступна лише працівникам джобцентру з відповідною роллю.
bo-forbidden-method = Для бек-офісу, будь ласка, увійдіть за паролем і кодом (TOTP) або за допомогою ключа доступу (Passkey) – не за кодом відновлення і не через Secure-App. Для цього вийдіть і увійдіть знову.

bo-start-title = Бек-офіс
bo-start-office = Відділення: { $office }
bo-start-roles = Ваші ролі:

bo-search-title = Пошук клієнтів
bo-search-label = Номер клієнта або ім’я
bo-search-hint = Наприклад 123A456789 або Müller
bo-search-submit = Шукати
bo-search-hits = Результатів: { $count }
bo-search-error-short = Введіть щонайменше дві літери або цифри.
bo-search-purpose-note = Список показує лише те, що потрібно для розрізнення записів. Відкриваючи запис, ви зазначаєте мету; доступ протоколюється.

bo-field-kundennummer = Номер клієнта
bo-field-name = Ім’я
bo-field-given = Ім’я (особове)
bo-field-family = Прізвище
bo-field-birth = Дата народження
bo-field-birth-hint = У форматі ДД.ММ.РРРР, наприклад 12.03.1985
bo-field-street = Вулиця та номер будинку
bo-field-postcode = Поштовий індекс
bo-field-city = Населений пункт
bo-field-address = Адреса
bo-field-bg = Номер спільноти потреб (Bedarfsgemeinschaft)
bo-field-bg-hint = Наприклад 12345BG1234567
bo-field-office = Відділення
bo-field-pap = Особиста контактна особа (Ваш контакт)
bo-field-pap-none = Ще немає
bo-field-channel = Спосіб комунікації
bo-field-account = Пов’язаний обліковий запис

bo-new-title = Створити запис клієнта
bo-new-intro = Номер клієнта присвоюється під час створення. Усі поля, крім контактної особи, обов’язкові.
bo-new-submit = Створити запис клієнта
bo-new-error-given-empty = Введіть ім’я.
bo-new-error-family-empty = Введіть прізвище.
bo-new-error-name-chars = Ім’я може містити лише літери, пробіли, дефіси, крапки та апострофи (не більше 100 символів).
bo-new-error-birth-empty = Введіть дату народження.
bo-new-error-birth-format = Введіть дату народження у форматі ДД.ММ.РРРР.
bo-new-error-birth-range = Дата народження має бути в минулому та після 01.01.1900.
bo-new-error-street = Введіть вулицю та номер будинку (не більше 200 символів).
bo-new-error-postcode = Введіть поштовий індекс із п’яти цифр.
bo-new-error-city = Введіть населений пункт (не більше 100 символів).
bo-new-error-bg-empty = Введіть номер спільноти потреб.
bo-new-error-bg-format = Введіть номер спільноти потреб у форматі 12345BG1234567.
bo-new-error-pap = Виберіть контактну особу вашого відділення.
bo-new-error-duplicate = Для цієї особи вже існує запис клієнта (номер клієнта { $kundennummer }).

bo-purpose-title = Мета доступу
bo-purpose-intro = Ви відкриваєте запис клієнта { $kundennummer }. Кожен доступ до соціальних даних протоколюється із зазначенням мети.
bo-purpose-label = Мета
bo-purpose-hint = Виберіть причину, з якої ви переглядаєте дані.
bo-purpose-choose = Будь ласка, виберіть
bo-purpose-submit = Далі
bo-purpose-error = Виберіть мету зі списку.
bo-purpose-vorsprache = Особистий візит
bo-purpose-telefon = Телефонний запит
bo-purpose-schriftlich = Письмовий запит або пошта
bo-purpose-neuanlage = Створення запису клієнта
bo-purpose-freischaltcode = Видача коду активації
bo-purpose-zugangshilfe = Допомога з доступом
bo-purpose-leistung = Опрацювання виплат
bo-purpose-vermittlung = Консультація та працевлаштування
bo-purpose-pruefung = Перевірка журналу доступу

bo-record-title = Запис клієнта
bo-record-purpose = Мета цього доступу: { $purpose }
bo-record-more = Інші завдання
bo-channel-online = Онлайн-комунікацію активовано
bo-channel-paper = Пошта (без онлайн-комунікації)
bo-account-none = Ще не пов’язано з обліковим записом
bo-pap-heading = Ваш контакт
bo-pap-none = Особисту контактну особу ще не призначено.

bo-code-heading = Код активації
bo-code-none = Код активації ще не видавався.
bo-code-live = Код активації дійсний до { $when }.
bo-code-expired = Термін дії останнього коду активації минув { $when }.
bo-code-used = Останній код активації використано { $when }.
bo-code-issue-title = Видати код активації
bo-code-intro = Новий код активації анулює попередній, ще не використаний код.
bo-code-request = Як було запитано код активації?
bo-code-request-person = Особисто
bo-code-request-phone = Телефоном (надсилається поштою на адресу)
bo-code-request-online = Онлайн (надсилається поштою на адресу)
bo-code-id-checked = Я перевірив(-ла) особу за офіційним посвідченням.
bo-code-days = Строк дії в днях
bo-code-days-hint = Стандартно: 30 днів, не більше 90
bo-code-issue = Видати код активації
bo-code-issued-title = Код активації видано
bo-code-once = Код активації показується лише зараз. Надрукуйте лист, перш ніж залишити сторінку.
bo-code-is = Код активації:
bo-code-valid-until = Дійсний до { $date }
bo-code-letter = Завантажити лист (PDF)
bo-back-to-record = Назад до запису клієнта
bo-code-error-request = Виберіть, як було запитано код активації.
bo-code-error-id = Підтвердьте, що ви перевірили особу за посвідченням.
bo-code-error-days = Введіть строк дії від 1 до 90 днів.

bo-access-title = Журнал доступу
bo-access-when = Час
bo-access-who = Працівник
bo-access-what = Доступ
bo-access-why = Мета
bo-what-akte = Запис клієнта переглянуто
bo-what-freischaltcode = Код активації видано
bo-what-brief = Лист із кодом активації створено
bo-what-zugangshilfe = Надано допомогу з доступом
bo-what-zugriffsprotokoll = Журнал доступу переглянуто
bo-what-druck = Лист позначено як надрукований

bo-help-title = Допомога з доступом
bo-help-account = Обліковий запис: { $email }
bo-help-intro = Якщо клієнт більше не має даних для входу, після перевірки посвідчення ви можете скинути другі фактори або видати одноразові дані доступу. Клієнт отримає електронний лист.
bo-help-id-checked = Я перевірив(-ла) особу за офіційним посвідченням.
bo-help-action = Дія
bo-help-reset = Скинути другі фактори
bo-help-reset-hint = Видаляє TOTP, ключі доступу та коди відновлення і завершує всі сеанси. Після наступного входу з паролем потрібно налаштувати новий фактор.
bo-help-one-time = Видати одноразові дані доступу
bo-help-one-time-hint = Як вище, а також одноразовий пароль замінює поточний пароль. Він дійсний для одного входу; після цього потрібно налаштувати новий фактор.
bo-help-submit = Надати допомогу з доступом
bo-help-no-account = До цього запису клієнта ще не належить обліковий запис. Натомість видайте код активації.
bo-help-error-id = Підтвердьте, що ви перевірили особу за посвідченням.
bo-help-error-action = Виберіть дію.
bo-help-done = Допомогу з доступом надано. Клієнта повідомлено електронною поштою.

bo-onetime-title = Одноразові дані доступу
bo-onetime-once = Одноразовий пароль показується лише зараз. Передайте його клієнту особисто.
bo-onetime-login = Ім’я для входу
bo-onetime-password = Одноразовий пароль
bo-onetime-valid = Дійсний до
bo-onetime-explain = Одноразовий пароль дозволяє рівно один вхід. Після цього потрібно налаштувати новий другий фактор; власний пароль встановлюється в налаштуваннях облікового запису в розділі «Змінити пароль».

bo-print-title = Завдання друку
bo-print-intro = Листи клієнтам без онлайн-комунікації. Їх друкують і надсилають поштою.
bo-print-empty = Відкритих завдань друку немає.
bo-print-created = Створено
bo-print-recipient = Одержувач
bo-print-letter = Лист
bo-print-action = Дія
bo-print-mark = Позначити як надрукований

mail-access-help-reset-subject = Другі фактори вашого облікового запису скинуто
mail-access-help-reset-body =
    Добрий день,

    на ваше прохання ваш джобцентр ({ $office }) { $when } після перевірки вашого посвідчення скинув другі фактори вашого облікового запису.

    Під час наступного входу налаштуйте, будь ласка, новий другий фактор:

    { $login }

    Якщо ви цього не запитували, негайно зверніться до свого джобцентру.
mail-access-help-one-time-subject = Для вашого облікового запису видано одноразові дані доступу
mail-access-help-one-time-body =
    Добрий день,

    на ваше прохання ваш джобцентр ({ $office }) { $when } після перевірки вашого посвідчення видав одноразові дані доступу для вашого облікового запису. Одноразовий пароль ви отримали особисто; ваш попередній пароль і другі фактори більше не дійсні.

    Увійдіть з одноразовим паролем, а потім налаштуйте новий другий фактор:

    { $login }

    Якщо ви цього не запитували, негайно зверніться до свого джобцентру.

# Account history ("Verlauf") entries of back-office actions.
history-access-help-factors-reset = Допомога з доступом: джобцентр скинув другі фактори
history-access-help-one-time-access = Допомога з доступом: джобцентр видав одноразові дані доступу
history-staff-granted = Надано ролі в бек-офісі

# Staff of the office (admins).
bo-nav-staff = Працівники
bo-staff-title = Працівники відділення
bo-staff-email = Адреса електронної пошти
bo-staff-roles = Ролі
bo-staff-status = Статус
bo-staff-active = активний
bo-staff-inactive = деактивований
bo-staff-activate = Активувати
bo-staff-deactivate = Деактивувати
bo-staff-new = Створити обліковий запис працівника
bo-staff-new-intro = Новий обліковий запис отримує одноразові дані доступу, які ви передаєте особисто. Під час першого входу налаштовується другий фактор.
bo-staff-name-hint = Так ім’я бачать колеги та клієнти («Ваш контакт»).
bo-staff-phone = Телефон
bo-staff-create = Створити обліковий запис працівника
bo-staff-created-title = Обліковий запис працівника створено
bo-staff-back = Назад до списку працівників
bo-staff-error-email = Введіть дійсну адресу електронної пошти.
bo-staff-error-name = Введіть ім’я (не більше 100 символів).
bo-staff-error-roles = Виберіть щонайменше одну роль.
bo-staff-error-exists = Обліковий запис із цією адресою електронної пошти вже існує.
history-staff-activated = Обліковий запис працівника активовано
history-staff-deactivated = Обліковий запис працівника деактивовано

# Form definitions and their preview (APP-2), for admins.
bo-nav-forms = Форми
bo-formulare-title = Визначення форм
bo-formulare-intro = Усі збережені версії eServices. Заява залишається на версії, з якою її розпочато; нові заяви починаються на активній версії.
bo-formulare-titel = Назва
bo-formulare-schluessel = Ключ
bo-formulare-version = Версія
bo-formulare-stand = Стан
bo-formulare-team = Команда
bo-formulare-geladen = Завантажено
bo-formulare-recht = Право для представників
bo-formulare-recht-keins = Немає: лише сам клієнт або сама клієнтка
bo-formulare-stand-entwurf = Чернетка
bo-formulare-stand-live = Активна
bo-formulare-stand-archiviert = В архіві
bo-formulare-cli-titel = Зміна визначень
bo-formulare-cli-intro = Визначення завантажують, активують і архівують на сервері за допомогою інструмента командного рядка (docs/FORMULARE.md).
bo-formulare-cli-laden = Перевіряє файл і зберігає його як чернетку; кожну помилку названо з її місцем.
bo-formulare-cli-aktivieren = Робить версію активною; попередню активну версію буде заархівовано.
bo-formulare-cli-archivieren = Архівує версію: нових заяв немає, розпочаті чернетки вже не можна надіслати.
bo-formulare-cli-liste = Показує всі збережені версії з їхнім станом.
bo-formulare-zurueck = Назад до визначень форм
bo-formulare-vorschau-title = Попередній перегляд: { $titel } (версія { $version })
bo-formulare-vorschau-intro = Так клієнти бачать кроки. Попередній перегляд показує кожне поле, також ті, що запитуються лише за певної умови; умову вказано над полем.
bo-formulare-sprache = Мова попереднього перегляду
bo-formulare-hinweis = Правова примітка
bo-formulare-bearbeitung = Після надсилання
bo-formulare-anhaenge = Підтвердні документи
bo-formulare-keine-anhaenge = Ця форма не вимагає підтвердних документів.
bo-formulare-pflicht = Обов’язково: без цього документа заяву не можна надіслати
bo-formulare-freiwillig = Можна подати пізніше
bo-formulare-schritt = Крок { $nummer } з { $gesamt } ({ $id })
bo-formulare-nur-wenn = Лише якщо { $bedingung }
bo-formulare-liste = Запитується стільки разів, скільки вказано в { $feld }; попередній перегляд показує один запис.
bo-formulare-feld = «{ $label }» ({ $name })
bo-formulare-zitat = «{ $text }»
bo-formulare-ist = { $feld } дорівнює «{ $wert }»
bo-formulare-in = { $feld } — одне з: { $werte }
bo-formulare-enthaelt = { $feld } містить «{ $wert }»
bo-formulare-beantwortet = { $feld } має відповідь
bo-formulare-unbeantwortet = { $feld } не має відповіді
bo-formulare-nicht = не: { $bedingung }
bo-formulare-und = і
bo-formulare-oder = або
