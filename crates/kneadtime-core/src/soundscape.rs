//! The screen-off background sound: soft brown noise, made here so nothing is
//! downloaded, and the WAV header the cue track is written under.

/// Quietest and loudest sample rates accepted.
const RATES: (u32, u32) = (8_000, 48_000);
/// Shortest and longest loop accepted, seconds.
const LENGTHS: (u32, u32) = (1, 30);
/// Peak level as a fraction of full scale: a murmur, not a hiss.
pub const PEAK: f32 = 0.3;
/// The loop's tail fades into its head over this share of the loop, so it repeats without a click.
const CROSSFADE_SHARE: usize = 8;

/// Gentle noise, `seconds` long at `sample_rate`, peaking at [`PEAK`], that loops
/// seamlessly; the same for the same seed. The cue track mixes its cues over it.
pub fn soft_noise(seconds: u32, sample_rate: u32, seed: u64) -> Vec<f32> {
    let seconds = seconds.clamp(LENGTHS.0, LENGTHS.1);
    let sample_rate = sample_rate.clamp(RATES.0, RATES.1);
    let length = (seconds * sample_rate) as usize;
    looped(&brown_noise(length + length / CROSSFADE_SHARE, seed), length)
}

/// Leaky-integrated white noise: most energy low, like distant surf.
fn brown_noise(length: usize, seed: u64) -> Vec<f32> {
    let mut state = seed;
    let mut level = 0.0f32;
    let mut samples: Vec<f32> = (0..length)
        .map(|_| {
            level = (level * 0.995 + white(&mut state) * 0.05).clamp(-1.0, 1.0);
            level
        })
        .collect();
    let loudest = samples
        .iter()
        .fold(f32::EPSILON, |peak, sample| peak.max(sample.abs()));
    for sample in &mut samples {
        *sample *= PEAK / loudest;
    }
    samples
}

/// `length` samples whose end flows into their start: the extra tail is crossfaded over the head.
fn looped(noise: &[f32], length: usize) -> Vec<f32> {
    let fade = noise.len() - length;
    let mut samples = noise[..length].to_vec();
    for i in 0..fade {
        // Equal-power fade from the tail (continuing past the end) into the head.
        let mix = (i as f32 + 0.5) / fade as f32 * std::f32::consts::FRAC_PI_2;
        samples[i] = noise[i] * mix.sin() + noise[length + i] * mix.cos();
    }
    samples
}

/// White noise in -1..1 from splitmix64.
fn white(state: &mut u64) -> f32 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^= z >> 31;
    (z >> 40) as f32 / (1u64 << 23) as f32 - 1.0
}

/// The 44-byte header of a mono PCM WAV file of `frames` samples of `bits` (8 or 16),
/// in a vector with room for the samples that follow.
pub fn wav_header(frames: u32, sample_rate: u32, bits: u16) -> Vec<u8> {
    let bytes_per_sample = u32::from(bits / 8);
    let data_len = frames * bytes_per_sample;
    let mut bytes = Vec::with_capacity(44 + data_len as usize);
    bytes.extend_from_slice(b"RIFF");
    bytes.extend_from_slice(&(36 + data_len).to_le_bytes());
    bytes.extend_from_slice(b"WAVEfmt ");
    bytes.extend_from_slice(&16u32.to_le_bytes());
    bytes.extend_from_slice(&1u16.to_le_bytes()); // PCM
    bytes.extend_from_slice(&1u16.to_le_bytes()); // mono
    bytes.extend_from_slice(&sample_rate.to_le_bytes());
    bytes.extend_from_slice(&(sample_rate * bytes_per_sample).to_le_bytes());
    bytes.extend_from_slice(&(bits / 8).to_le_bytes());
    bytes.extend_from_slice(&bits.to_le_bytes());
    bytes.extend_from_slice(b"data");
    bytes.extend_from_slice(&data_len.to_le_bytes());
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_valid_wav_header() {
        let header = wav_header(16_000, 8_000, 16);
        assert_eq!(&header[..4], b"RIFF");
        assert_eq!(u32::from_le_bytes(header[4..8].try_into().unwrap()), 36 + 32_000);
        assert_eq!(&header[8..16], b"WAVEfmt ");
        assert_eq!(u32::from_le_bytes(header[24..28].try_into().unwrap()), 8_000);
        assert_eq!(
            u32::from_le_bytes(header[28..32].try_into().unwrap()),
            16_000,
            "bytes per second"
        );
        assert_eq!(&header[36..40], b"data");
        assert_eq!(u32::from_le_bytes(header[40..44].try_into().unwrap()), 32_000);
        assert_eq!(header.len(), 44);
        assert!(header.capacity() >= 44 + 32_000, "room for the samples");
        let eight_bit = wav_header(11_025, 11_025, 8);
        assert_eq!(u16::from_le_bytes(eight_bit[34..36].try_into().unwrap()), 8);
        assert_eq!(u32::from_le_bytes(eight_bit[40..44].try_into().unwrap()), 11_025);
    }

    #[test]
    fn quiet_deterministic_and_clamped() {
        let noise = soft_noise(1, 8_000, 7);
        assert_eq!(noise, soft_noise(1, 8_000, 7));
        assert_ne!(noise, soft_noise(1, 8_000, 8));
        assert!(noise.iter().all(|sample| sample.abs() <= PEAK + 0.01));
        assert_eq!(soft_noise(0, 1, 0).len(), 8_000);
        assert_eq!(soft_noise(99, 8_000, 0).len(), 30 * 8_000);
    }

    #[test]
    fn the_loop_has_no_click() {
        for seed in 0..20 {
            let sound = soft_noise(1, 8_000, seed);
            let largest_step = sound
                .windows(2)
                .map(|pair| (pair[1] - pair[0]).abs())
                .fold(0.0, f32::max);
            let seam = (sound[0] - sound[sound.len() - 1]).abs();
            assert!(
                seam <= largest_step,
                "seed {seed}: seam {seam} vs steps up to {largest_step}"
            );
        }
    }
}
