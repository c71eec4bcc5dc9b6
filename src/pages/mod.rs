//! One module per route.

pub mod builder;
pub mod home;
pub mod not_found;
pub mod player;
pub mod received;
pub mod routine;
pub mod settings;
