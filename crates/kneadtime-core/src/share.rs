//! Share links: a routine packed into the URL fragment.
//!
//! A link is `<origin>/r#<payload>`. Browsers never send the fragment to a
//! server, so not even the static host sees the routine. The payload is
//! base64url (no padding) of one version byte followed by the body in a zlib
//! stream (DEFLATE with an Adler-32 checksum, so a changed character is caught),
//! which must end exactly where the payload ends. Format version 1 body, all integers LEB128 varints, strings a varint
//! byte length then UTF-8:
//!
//! ```text
//! revision, id, title, summary, author, note, breathing (1 byte), step count,
//! then per step:
//!   byte a: technique (bits 0-2) | area (bits 3-5) | side (bits 6-7)
//!   byte b: pressure (bits 0-1) | tool (bits 2-3) | breathing override + 1, 0 = none (bits 4-6)
//!           | own how-to text follows (bit 7; otherwise the standard text of `howto`,
//!           which the receiver reads in their own language)
//!   duration in seconds, [how-to text]
//! ```
//!
//! Format version 2 (written since the app speaks six languages) starts the body with
//! a kind byte:
//!
//! ```text
//! 0: a built-in routine, unchanged: id, revision. The recipient's app shows its own
//!    copy, in the recipient's language, so the link stays short.
//! 1: any other routine: the language tag of its own words ("" when unknown), then
//!    exactly a version 1 body.
//! ```
//!
//! Format version 3 (written only for a routine that works an area added after
//! version 2: sacroiliac joint, side of the hip, back of the thigh) is version 2 with
//! one extension: area code 7 in byte a means one more byte follows byte b, the
//! area's code in the table of later areas. An older app that meets it says the link
//! is from a newer version instead of calling it damaged.
//!
//! Format version 4 (written only for a routine with a standard how-to text on an area
//! whose standard words the safety review corrected) is version 3 whose flags refer to
//! the second edition of the standard texts (`howto::Edition`); versions 1 to 3 refer
//! to the first, so an old link still shows the words it was sent with.
//!
//! Format version 5 (written only for a routine with a step that names its position) is
//! version 4 with one more byte per step after byte b (and the later area's byte): the
//! position's code in [`POSITIONS`] plus one, 0 for none. A step without one, and every
//! step of an older link, is played in the position its tool and area call for
//! (`Position::derived`).
//!
//! Version 1 links came from the English-only app, so their words are English. A
//! standard how-to text travels as its flag in every version and shows in the
//! recipient's language.
//!
//! The code tables below are part of both versions and never change: links made
//! today open in every later version. Untrusted input is capped before it is decoded
//! and before it is inflated.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use super::breathing::BreathingPattern;
use super::howto::{changed_since_first_edition, default_instructions, edition_instructions, Edition};
use super::i18n::{Catalog, Locale};
use super::library::builtin_routine;
use super::routine::{
    limits, Area, Position, Pressure, Routine, Side, Step, Technique, Tool, ValidationError,
};

/// The newest format this version writes (older ones where they suffice).
pub const SHARE_VERSION: u8 = 5;
/// The last format without positions.
const VERSION_WITHOUT_POSITIONS: u8 = 4;
/// The format of links whose routines work only the first seven areas.
const VERSION_WITHOUT_LATER_AREAS: u8 = 2;
/// The last format whose standard texts are the first edition's.
const VERSION_WITH_LATER_AREAS: u8 = 3;
/// Version 2's kind byte: a built-in routine by reference, or a whole routine.
const BY_REFERENCE: u8 = 0;
const WHOLE: u8 = 1;
/// Longest payload accepted, in characters (a full 30-step routine with long texts fits).
pub const MAX_PAYLOAD_CHARS: usize = 16_384;
/// Largest body accepted after inflating: no decompression bombs.
pub const MAX_BODY_BYTES: usize = 64 * 1024;
/// Where links point, after the origin.
pub const LINK_PATH: &str = "/r";

// Version 1's code tables: a code is a position here, frozen with the format. They are
// written out rather than taken from `Area::ALL` and friends, which may grow or reorder
// (a new area in the middle would silently change what every old link means).
const TECHNIQUES: [Technique; 6] = [
    Technique::Effleurage,
    Technique::Kneading,
    Technique::TriggerPoint,
    Technique::MyofascialRelease,
    Technique::Stretch,
    Technique::Rest,
];
const AREAS: [Area; 7] = [
    Area::GluteusMaximus,
    Area::GluteusMedius,
    Area::Piriformis,
    Area::HipTfl,
    Area::LowerBack,
    Area::HamstringAttachment,
    Area::WholeRegion,
];
/// Area code 7: the area is in [`LATER_AREAS`], its code in a byte of its own.
const LATER_AREA: u8 = 7;
/// Areas added with format version 3; a code is a position here, frozen as above.
const LATER_AREAS: [Area; 3] = [Area::SacroiliacJoint, Area::GreaterTrochanter, Area::BackOfThigh];
const SIDES: [Side; 4] = [Side::None, Side::Left, Side::Right, Side::Both];
const PRESSURES: [Pressure; 3] = [Pressure::Light, Pressure::Medium, Pressure::Firm];
const TOOLS: [Tool; 4] = [
    Tool::Hands,
    Tool::FistForearm,
    Tool::MassageBall,
    Tool::FoamRoller,
];
/// Positions, added with format version 5; frozen as above.
const POSITIONS: [Position; 8] = [
    Position::Standing,
    Position::SeatedOnChair,
    Position::SeatedOnFloor,
    Position::LyingOnBack,
    Position::LyingOnSide,
    Position::LyingFaceDown,
    Position::HalfKneeling,
    Position::StandingAtWall,
];
const BREATHING: [BreathingPattern; 4] = [
    BreathingPattern::Box,
    BreathingPattern::FourSevenEight,
    BreathingPattern::Coherent,
    BreathingPattern::ExtendedExhale,
];

/// Why a link cannot be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// Nothing after the `#`.
    Empty,
    /// Longer than any routine can be.
    TooLong,
    /// Not base64url: cut or mangled in transit.
    NotBase64,
    /// Made by a newer version of Kneadtime.
    NewerVersion(u8),
    /// The data inside is cut short or scrambled.
    Damaged,
    /// It would unpack to more than any routine needs.
    TooLarge,
    /// It decodes, but is not a routine that can be played.
    Invalid(Vec<ValidationError>),
}

impl ShareError {
    /// Why the link cannot be opened and what to do, in words.
    pub fn message(&self, texts: &Catalog) -> String {
        match self {
            ShareError::Empty => texts.text("link.routine.empty").to_string(),
            ShareError::TooLong => texts.text("link.routine.too_long").to_string(),
            ShareError::NotBase64 | ShareError::Damaged => texts.text("link.routine.damaged").to_string(),
            ShareError::NewerVersion(_) => texts.text("link.routine.newer").to_string(),
            ShareError::TooLarge => texts.text("link.routine.too_large").to_string(),
            ShareError::Invalid(errors) => {
                let problems = errors
                    .iter()
                    .map(|error| error.message(texts))
                    .collect::<Vec<_>>()
                    .join(" ");
                texts.fill("link.routine.invalid", &[("problems", &problems)])
            }
        }
    }
}

/// The payload (the part after `#`) for `routine`. A step whose how-to is the standard
/// text in the language of `texts` sends the flag instead of the words.
pub fn encode(texts: &Catalog, routine: &Routine) -> String {
    let mut body = Vec::new();
    if builtin_routine(texts, &routine.id).as_ref() == Some(routine) {
        body.push(BY_REFERENCE);
        put_text(&mut body, &routine.id);
        put_varint(&mut body, u64::from(routine.revision));
        return pack(VERSION_WITHOUT_LATER_AREAS, &body);
    }
    body.push(WHOLE);
    let version = format_for(texts, std::slice::from_ref(routine));
    put_whole(texts, &mut body, routine, Format::of(version));
    pack(version, &body)
}

/// Whether any step of `routine` works an area that only format version 3 can carry.
pub(crate) fn works_a_later_area(routine: &Routine) -> bool {
    routine.steps.iter().any(|step| LATER_AREAS.contains(&step.area))
}

/// Whether any step of `routine` keeps a standard how-to text that the second edition
/// words differently, which only format version 4 can refer to.
pub(crate) fn uses_second_edition(texts: &Catalog, routine: &Routine) -> bool {
    routine
        .steps
        .iter()
        .any(|step| changed_since_first_edition(step.area) && !has_own_text(texts, step))
}

fn has_own_text(texts: &Catalog, step: &Step) -> bool {
    step.instructions != default_instructions(texts, step.technique, step.area, step.tool)
}

/// Whether any step of `routine` names its position, which only format version 5 carries.
pub(crate) fn names_positions(routine: &Routine) -> bool {
    routine.steps.iter().any(|step| step.position.is_some())
}

/// The oldest format that carries `routines` whole, so that older apps open every link
/// they can.
pub(crate) fn format_for(texts: &Catalog, routines: &[Routine]) -> u8 {
    if routines.iter().any(names_positions) {
        SHARE_VERSION
    } else if routines.iter().any(|routine| uses_second_edition(texts, routine)) {
        VERSION_WITHOUT_POSITIONS
    } else if routines.iter().any(works_a_later_area) {
        VERSION_WITH_LATER_AREAS
    } else {
        VERSION_WITHOUT_LATER_AREAS
    }
}

/// How a link of one format version writes a routine: which edition its standard
/// texts are, and whether its steps carry positions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Format {
    pub(crate) edition: Edition,
    pub(crate) positions: bool,
}

impl Format {
    /// The format of share link version `version`.
    pub(crate) fn of(version: u8) -> Format {
        Format {
            edition: if version > VERSION_WITH_LATER_AREAS {
                Edition::Second
            } else {
                Edition::First
            },
            positions: version > VERSION_WITHOUT_POSITIONS,
        }
    }
}

/// A whole routine as version 2 writes it after its kind byte: the language of its
/// words, then a version 1 body (with positions in `format`). Program links carry
/// routines the same way.
pub(crate) fn put_whole(texts: &Catalog, body: &mut Vec<u8>, routine: &Routine, format: Format) {
    put_text(body, routine.language.map_or("", Locale::tag));
    put_varint(body, u64::from(routine.revision));
    for text in [
        &routine.id,
        &routine.title,
        &routine.summary,
        &routine.author,
        &routine.note,
    ] {
        put_text(body, text);
    }
    body.push(code(&BREATHING, routine.breathing));
    put_varint(body, routine.steps.len() as u64);
    for step in &routine.steps {
        let own_text = has_own_text(texts, step);
        let later_area = LATER_AREAS
            .contains(&step.area)
            .then(|| code(&LATER_AREAS, step.area));
        let area = if later_area.is_some() {
            LATER_AREA
        } else {
            code(&AREAS, step.area)
        };
        body.push(code(&TECHNIQUES, step.technique) | area << 3 | code(&SIDES, step.side) << 6);
        let breathing = step.breathing.map_or(0, |pattern| code(&BREATHING, pattern) + 1);
        body.push(
            code(&PRESSURES, step.pressure)
                | code(&TOOLS, step.tool) << 2
                | breathing << 4
                | u8::from(own_text) << 7,
        );
        body.extend(later_area);
        if format.positions {
            body.push(step.position.map_or(0, |position| code(&POSITIONS, position) + 1));
        }
        put_varint(body, u64::from(step.duration_secs));
        if own_text {
            put_text(body, &step.instructions);
        }
    }
}

/// A payload: base64url of `version`, then `body` in a zlib stream. Progress links
/// (`progress_link`) are framed the same way.
pub(crate) fn pack(version: u8, body: &[u8]) -> String {
    let mut bytes = vec![version];
    bytes.extend(miniz_oxide::deflate::compress_to_vec_zlib(body, 10));
    URL_SAFE_NO_PAD.encode(bytes)
}

/// The full link for `routine` on `origin` (e.g. `https://example.org`).
pub fn link(texts: &Catalog, origin: &str, routine: &Routine) -> String {
    format!("{origin}{LINK_PATH}#{}", encode(texts, routine))
}

/// The routine in a payload, standard how-to texts in the language of `texts`; any
/// input gives a routine or a typed error, quickly and without panicking.
pub fn decode(texts: &Catalog, payload: &str) -> Result<Routine, ShareError> {
    let (version, body) = unpack_up_to(payload, SHARE_VERSION)?;
    let reader = &mut Reader { bytes: &body };
    let routine = match version {
        1 => read_routine(texts, reader, Format::of(1))
            .filter(|routine| !works_a_later_area(routine))
            .map(|routine| Routine {
                language: Some(Locale::English),
                ..routine
            }),
        _ => match reader.byte() {
            Some(BY_REFERENCE) => return read_reference(texts, reader, version),
            // Version 2 never wrote a later area: one found there is damage.
            Some(WHOLE) => read_whole(texts, reader, Format::of(version))
                .filter(|routine| version > VERSION_WITHOUT_LATER_AREAS || !works_a_later_area(routine)),
            _ => None,
        },
    }
    .filter(|_| reader.bytes.is_empty())
    .ok_or(ShareError::Damaged)?;
    let errors = routine.validate();
    if errors.is_empty() {
        Ok(routine)
    } else {
        Err(ShareError::Invalid(errors))
    }
}

/// A built-in routine sent by reference, as this app has it (a later revision than the
/// link's is the same routine, improved).
fn read_reference(texts: &Catalog, reader: &mut Reader, version: u8) -> Result<Routine, ShareError> {
    let id = reader.text().ok_or(ShareError::Damaged)?;
    let revision = reader.varint().ok_or(ShareError::Damaged)?;
    if !reader.bytes.is_empty() {
        return Err(ShareError::Damaged);
    }
    match builtin_routine(texts, &id) {
        Some(routine) if u64::from(routine.revision) >= revision => Ok(routine),
        // A routine this app does not know yet came from a newer app.
        _ => Err(ShareError::NewerVersion(version)),
    }
}

/// A whole routine: the language of its words, then a version 1 body (what
/// [`put_whole`] writes) in `format`.
pub(crate) fn read_whole(texts: &Catalog, reader: &mut Reader, format: Format) -> Option<Routine> {
    let language = read_language(reader)?;
    read_routine(texts, reader, format).map(|routine| Routine { language, ..routine })
}

/// A language tag as links write it: "" for none; an unknown tag is damage.
pub(crate) fn read_language(reader: &mut Reader) -> Option<Option<Locale>> {
    let tag = reader.text()?;
    if tag.is_empty() {
        Some(None)
    } else {
        Locale::from_tag(&tag).map(Some)
    }
}

/// The version and body of a payload written by [`pack`] in any format up to
/// `newest`, after every check: size caps before decoding and inflating, the version,
/// and the zlib checksum.
pub(crate) fn unpack_up_to(payload: &str, newest: u8) -> Result<(u8, Vec<u8>), ShareError> {
    for version in 1..newest {
        match unpack(payload, version) {
            Err(ShareError::NewerVersion(_)) => {}
            other => return other.map(|body| (version, body)),
        }
    }
    unpack(payload, newest).map(|body| (newest, body))
}

/// The body of a payload written by [`pack`] in format `version`, after every check:
/// size caps before decoding and inflating, the version, and the zlib checksum.
pub(crate) fn unpack(payload: &str, version: u8) -> Result<Vec<u8>, ShareError> {
    let payload = payload.trim().trim_start_matches('#');
    if payload.is_empty() {
        return Err(ShareError::Empty);
    }
    if payload.len() > MAX_PAYLOAD_CHARS {
        return Err(ShareError::TooLong);
    }
    let bytes = URL_SAFE_NO_PAD
        .decode(payload)
        .map_err(|_| ShareError::NotBase64)?;
    let (&found, deflated) = bytes.split_first().ok_or(ShareError::Damaged)?;
    match found {
        _ if found == version => inflate(deflated),
        newer if newer > version => Err(ShareError::NewerVersion(newer)),
        _ => Err(ShareError::Damaged),
    }
}

/// The zlib stream's contents, checked against its checksum, at most [`MAX_BODY_BYTES`],
/// with nothing after the stream.
fn inflate(stream: &[u8]) -> Result<Vec<u8>, ShareError> {
    use miniz_oxide::inflate::core::{decompress, inflate_flags, DecompressorOxide};
    use miniz_oxide::inflate::TINFLStatus;
    let mut out = vec![0; MAX_BODY_BYTES];
    let flags = inflate_flags::TINFL_FLAG_PARSE_ZLIB_HEADER
        | inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF
        | inflate_flags::TINFL_FLAG_COMPUTE_ADLER32;
    let (status, read, written) = decompress(&mut DecompressorOxide::new(), stream, &mut out, 0, flags);
    match status {
        TINFLStatus::Done if read == stream.len() => {
            out.truncate(written);
            Ok(out)
        }
        TINFLStatus::HasMoreOutput => Err(ShareError::TooLarge),
        _ => Err(ShareError::Damaged),
    }
}

fn read_routine(texts: &Catalog, reader: &mut Reader, format: Format) -> Option<Routine> {
    let revision = u32::try_from(reader.varint()?).ok()?;
    let id = reader.text()?;
    let title = reader.text()?;
    let summary = reader.text()?;
    let author = reader.text()?;
    let note = reader.text()?;
    let breathing = *BREATHING.get(usize::from(reader.byte()?))?;
    let count = usize::try_from(reader.varint()?).ok()?;
    if count > limits::MAX_STEPS {
        return None;
    }
    let mut steps = Vec::with_capacity(count);
    for _ in 0..count {
        let a = reader.byte()?;
        let b = reader.byte()?;
        let technique = *TECHNIQUES.get(usize::from(a & 0b111))?;
        let area_code = a >> 3 & 0b111;
        let side = SIDES[usize::from(a >> 6)];
        let pressure = *PRESSURES.get(usize::from(b & 0b11))?;
        let tool = TOOLS[usize::from(b >> 2 & 0b11)];
        let breathing = match b >> 4 & 0b111 {
            0 => None,
            code => Some(*BREATHING.get(usize::from(code) - 1)?),
        };
        let area = if area_code == LATER_AREA {
            *LATER_AREAS.get(usize::from(reader.byte()?))?
        } else {
            AREAS[usize::from(area_code)]
        };
        let position = match format.positions.then(|| reader.byte()) {
            None | Some(Some(0)) => None,
            Some(code) => Some(*POSITIONS.get(usize::from(code? - 1))?),
        };
        let duration_secs = u32::try_from(reader.varint()?).ok()?;
        let instructions = if b >> 7 == 1 {
            reader.text()?
        } else {
            edition_instructions(texts, format.edition, technique, area, tool)
        };
        steps.push(Step {
            technique,
            area,
            side,
            duration_secs,
            pressure,
            tool,
            instructions,
            breathing,
            position,
        });
    }
    Some(Routine {
        id,
        revision,
        title,
        summary,
        author,
        note,
        language: None,
        breathing,
        steps,
    })
}

fn code<T: PartialEq + Copy>(table: &[T], value: T) -> u8 {
    table.iter().position(|&item| item == value).unwrap_or(0) as u8
}

pub(crate) fn put_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push(value as u8 | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

pub(crate) fn put_text(out: &mut Vec<u8>, text: &str) {
    put_varint(out, text.len() as u64);
    out.extend_from_slice(text.as_bytes());
}

/// Reads a body front to back; every read is bounds-checked.
pub(crate) struct Reader<'a> {
    pub(crate) bytes: &'a [u8],
}

impl Reader<'_> {
    pub(crate) fn byte(&mut self) -> Option<u8> {
        let (&first, rest) = self.bytes.split_first()?;
        self.bytes = rest;
        Some(first)
    }

    pub(crate) fn varint(&mut self) -> Option<u64> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            value |= u64::from(byte & 0x7f).checked_shl(shift)?;
            if byte & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    }

    pub(crate) fn text(&mut self) -> Option<String> {
        let length = usize::try_from(self.varint()?).ok()?;
        if length > self.bytes.len() {
            return None;
        }
        let (text, rest) = self.bytes.split_at(length);
        self.bytes = rest;
        String::from_utf8(text.to_vec()).ok()
    }
}
