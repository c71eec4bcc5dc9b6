//! Reusable view pieces.

pub mod body_map;
pub mod breath_pacer;
pub mod check_box;
pub mod data_panel;
pub mod icon;
pub mod link_error;
pub mod missing_page;
pub mod pain_chart;
pub mod pain_scale;
pub mod player_controls;
pub mod player_stage;
pub mod progress_report;
pub mod qr_code;
pub mod routine_card;
pub mod routine_detail;
pub mod safety_check;
pub mod session_summary;
pub mod settings_form;
pub mod share_panel;
pub mod site_header;
pub mod step_card;
pub mod step_editor;
pub mod step_item;
pub mod timer_ring;
