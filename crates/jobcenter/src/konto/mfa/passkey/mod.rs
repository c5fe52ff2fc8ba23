//! Passkeys (MFA-20 … MFA-24): registration with a discoverable credential
//! and user verification, usernameless login ("Mit Passkey anmelden"),
//! passkey as second step after the password, management in
//! "Kontoeinstellungen", removing the password.
