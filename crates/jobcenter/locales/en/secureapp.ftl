# Secure-App (MFA-30 … MFA-34): set-up, login approval, devices.

secureapp-setup-title = Set up { $app }
secureapp-step-of = Step { $step } of 3
secureapp-step-1 = Download the app
secureapp-step-2 = Set up the app
secureapp-step-3 = Finish the set-up
secureapp-next = Continue
secureapp-back = Back
secureapp-download-heading = 1. Download the app
secureapp-download-text = Download the { $app } to your smartphone. Scan the QR code or open the address in your smartphone's browser and add the app to the home screen.
secureapp-download-note = The { $app } can be downloaded to a smartphone or tablet to be used.
secureapp-install-qr-caption = QR code with the address of the { $app }
secureapp-start-limited = You have started the set-up too often. Please try again in an hour.
secureapp-limit = You have already linked the largest possible number of devices. First remove a device in the account settings.
secureapp-connect-heading = 2. Set up the app
secureapp-connect-intro = We connect your account securely with the { $app }. Choose one of the two options.
secureapp-this-device = On this device:
secureapp-this-device-text = The { $app } is already installed. Switch to the app now and follow the instructions.
secureapp-this-device-link = Switch to the { $app }
secureapp-other-device = On another device:
secureapp-other-device-text = The { $app } is installed on another device. Scan the QR code with that device's camera.
secureapp-qr-caption = QR code with the link to connect the { $app }
secureapp-time-left = Time left { $time }
secureapp-valid-until = The set-up is valid until { $time }. After that the step must be restarted.
secureapp-setup-hint = The set-up time is 4 minutes. After that the step must be restarted.
secureapp-waiting-device = As soon as you have linked the app on your device, choose "Continue".
secureapp-expired = The set-up time has run out. Please restart the set-up.
secureapp-rejected = You declined the link. The device was not linked to your account.
secureapp-restart = Restart the set-up
secureapp-confirm-heading = Confirm the link
secureapp-confirm-text = The device "{ $device }" wants to link to your account. Confirm only if it is your own device.
secureapp-confirm = Confirm the link
secureapp-reject = Decline
secureapp-done-heading = 3. Finish the set-up
secureapp-done-title = Set-up completed successfully
secureapp-done-text = You have successfully set up the { $app } on your device ({ $device }).
secureapp-done-two-steps = From now on you always log in in two simple steps:
secureapp-done-step-1 = Step 1: Enter your user name and password.
secureapp-done-step-2 = Step 2: Confirm the login in the { $app }.
secureapp-factor-name = { $app } (device: { $device })

secureapp-login-link = Log in with the { $app }
secureapp-wait-title = Confirm the login
secureapp-wait-intro = We have sent a request to your { $app }. Open the app, choose the following number there and confirm the login.
secureapp-wait-number = Your number:
secureapp-wait-time = The request is valid until { $time }.
secureapp-wait-nojs = When you have approved the login in the app, choose "Continue".
secureapp-wait-js = We are waiting for your approval in the app. The page then continues by itself.
secureapp-wait-pending = The login has not been approved in the app yet.
secureapp-wait-approved = The login was approved in the app.
secureapp-wait-denied = The login was declined in the app.
secureapp-wait-expired = The request has expired.
secureapp-wait-new = Send a new request
secureapp-wait-limited = You have made too many requests. Please wait 15 minutes or log in another way.
secureapp-wait-totp-passkey = Log in with the second factor (TOTP) or a passkey

secureapp-settings-intro = With the { $app } you approve every login on your smartphone.
secureapp-settings-none = No device is linked yet.
secureapp-settings-linked = Linked on
secureapp-settings-last-used = Last used
secureapp-settings-never = Never
secureapp-settings-rename-label = New name for "{ $name }"
secureapp-settings-rename = Rename "{ $name }"
secureapp-settings-remove = Remove "{ $name }"
secureapp-notice-renamed = The device name has been saved.
secureapp-notice-removed = The device has been removed.
secureapp-notice-name-invalid = The device name must be 1 to 60 characters long.
secureapp-notice-last-factor = The device is your only second factor and cannot be removed. First set up another second factor.

history-secure-app-linked = Device linked for the Secure-App
history-secure-app-link-rejected = Link of a device declined
history-secure-app-removed = Device for the Secure-App removed
history-secure-app-renamed = Device for the Secure-App renamed
history-secure-app-approved = Login approved in the Secure-App
history-secure-app-denied = Login declined in the Secure-App
history-secure-app-wrong-number = Wrong number chosen in the Secure-App (login declined)
history-secure-app-bad-signature = Invalid signature from a device

mail-secure-app-denied-subject = Login to your account declined
mail-secure-app-denied-body =
    Hello,

    on { $when } a login to your Jobcenter Digital account was declined on your device ({ $device }). The login came from: { $browser }, IP address { $ip }.

    Your password was entered correctly. If this was not you, please change your password immediately and contact your Jobcenter:

    { $settings }

    Kind regards

    Your Jobcenter
