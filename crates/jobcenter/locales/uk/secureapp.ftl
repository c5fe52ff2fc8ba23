# Secure-App (MFA-30 … MFA-34): set-up, login approval, devices.

secureapp-setup-title = Налаштувати { $app }
secureapp-step-of = Крок { $step } з 3
secureapp-step-1 = Завантажити застосунок
secureapp-step-2 = Налаштувати застосунок
secureapp-step-3 = Завершити налаштування
secureapp-next = Далі
secureapp-back = Назад
secureapp-download-heading = 1. Завантажити застосунок
secureapp-download-text = Завантажте { $app } на свій смартфон. Відскануйте QR-код або відкрийте адресу в браузері смартфона й додайте застосунок на головний екран.
secureapp-download-note = { $app } можна завантажити на смартфон або планшет, щоб користуватися нею.
secureapp-install-qr-caption = QR-код з адресою { $app }
secureapp-start-limited = Ви запускали налаштування забагато разів. Спробуйте ще раз за годину.
secureapp-limit = Ви вже підключили максимально можливу кількість пристроїв. Спочатку видаліть пристрій у налаштуваннях облікового запису.
secureapp-connect-heading = 2. Налаштувати застосунок
secureapp-connect-intro = Ми безпечно з'єднуємо ваш обліковий запис з { $app }. Виберіть один із двох способів.
secureapp-this-device = На цьому пристрої:
secureapp-this-device-text = { $app } уже встановлено. Перейдіть зараз безпосередньо до застосунку та дотримуйтеся інструкцій.
secureapp-this-device-link = Перейти до { $app }
secureapp-other-device = На іншому пристрої:
secureapp-other-device-text = { $app } встановлено на іншому пристрої. Відскануйте QR-код камерою цього пристрою.
secureapp-qr-caption = QR-код із посиланням для підключення { $app }
secureapp-time-left = Залишилося часу { $time }
secureapp-valid-until = Налаштування дійсне до { $time }. Після цього крок потрібно почати знову.
secureapp-setup-hint = Час на налаштування становить 4 хвилини. Після цього крок потрібно почати знову.
secureapp-waiting-device = Щойно ви підключите застосунок на своєму пристрої, виберіть «Далі».
secureapp-expired = Час на налаштування минув. Будь ласка, почніть налаштування знову.
secureapp-rejected = Ви відхилили підключення. Пристрій не підключено до вашого облікового запису.
secureapp-restart = Почати налаштування знову
secureapp-confirm-heading = Підтвердити підключення
secureapp-confirm-text = Пристрій «{ $device }» хоче підключитися до вашого облікового запису. Підтверджуйте лише тоді, коли це ваш власний пристрій.
secureapp-confirm = Підтвердити підключення
secureapp-reject = Відхилити
secureapp-done-heading = 3. Завершити налаштування
secureapp-done-title = Налаштування успішно завершено
secureapp-done-text = Ви успішно налаштували { $app } на своєму пристрої ({ $device }).
secureapp-done-two-steps = Відтепер ви завжди входите у два простих кроки:
secureapp-done-step-1 = Крок 1: Введіть ім'я користувача та пароль.
secureapp-done-step-2 = Крок 2: Підтвердьте вхід у { $app }.
secureapp-factor-name = { $app } (пристрій: { $device })

secureapp-login-link = Увійти за допомогою { $app }
secureapp-wait-title = Підтвердити вхід
secureapp-wait-intro = Ми надіслали запит до вашої { $app }. Відкрийте застосунок, виберіть там наведене нижче число та підтвердьте вхід.
secureapp-wait-number = Ваше число:
secureapp-wait-time = Запит дійсний до { $time }.
secureapp-wait-nojs = Коли ви підтвердите вхід у застосунку, виберіть «Далі».
secureapp-wait-js = Ми чекаємо на ваше підтвердження в застосунку. Після цього сторінка продовжить роботу сама.
secureapp-wait-pending = Вхід ще не підтверджено в застосунку.
secureapp-wait-approved = Вхід підтверджено в застосунку.
secureapp-wait-denied = Вхід відхилено в застосунку.
secureapp-wait-expired = Термін дії запиту минув.
secureapp-wait-new = Надіслати новий запит
secureapp-wait-limited = Ви надіслали забагато запитів. Зачекайте 15 хвилин або увійдіть іншим способом.
secureapp-wait-totp-passkey = Увійти за допомогою другого фактора (TOTP) або ключа доступу

secureapp-settings-intro = За допомогою { $app } ви підтверджуєте кожен вхід на своєму смартфоні.
secureapp-settings-none = Ще не підключено жодного пристрою.
secureapp-settings-linked = Підключено
secureapp-settings-last-used = Востаннє використано
secureapp-settings-never = Ще ніколи
secureapp-settings-rename-label = Нова назва для «{ $name }»
secureapp-settings-rename = Перейменувати «{ $name }»
secureapp-settings-remove = Видалити «{ $name }»
secureapp-notice-renamed = Назву пристрою збережено.
secureapp-notice-removed = Пристрій видалено.
secureapp-notice-name-invalid = Назва пристрою має містити від 1 до 60 символів.
secureapp-notice-last-factor = Цей пристрій — ваш єдиний другий фактор, тому його не можна видалити. Спочатку налаштуйте інший другий фактор.

history-secure-app-linked = Пристрій для Secure-App підключено
history-secure-app-link-rejected = Підключення пристрою відхилено
history-secure-app-removed = Пристрій для Secure-App видалено
history-secure-app-renamed = Пристрій для Secure-App перейменовано
history-secure-app-approved = Вхід підтверджено в Secure-App
history-secure-app-denied = Вхід відхилено в Secure-App
history-secure-app-wrong-number = У Secure-App вибрано неправильне число (вхід відхилено)
history-secure-app-bad-signature = Недійсний підпис пристрою

mail-secure-app-denied-subject = Вхід до вашого облікового запису відхилено
mail-secure-app-denied-body =
    Добрий день!

    { $when } на вашому пристрої ({ $device }) було відхилено вхід до вашого облікового запису в Jobcenter Digital. Спроба входу: { $browser }, IP-адреса { $ip }.

    Під час цього ваш пароль було введено правильно. Якщо це були не ви, негайно змініть пароль і зверніться до свого Jobcenter:

    { $settings }

    З повагою

    Ваш Jobcenter
