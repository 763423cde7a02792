#pragma once
// A sequence's frames as one animation (-o seq.gif or seq.mp4), made by ffmpeg (Debian's package
// ffmpeg) when it is installed; without it, the request is refused up front, saying so.

#include <filesystem>
#include <vector>

namespace steppeflow::figure {

// .gif or .mp4 (any case).
[[nodiscard]] bool is_animation(const std::filesystem::path& path);

// Throws UsageError naming `output` when ffmpeg is not on the PATH.
void require_ffmpeg(const std::filesystem::path& output);

// The PNG frames, in order and of one size, as an animation at `path` (each frame `seconds` long),
// written whole or not at all. IoError with ffmpeg's own last words when it fails.
void write_animation(const std::vector<std::filesystem::path>& frames, const std::filesystem::path& path,
                     double seconds);

}  // namespace steppeflow::figure
