#include "figure/animation.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>

#include <fmt/format.h>

#include "common/error.hpp"

extern char** environ;

namespace steppeflow::figure {

namespace {

std::string lower_extension(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

// The ffmpeg the PATH leads to; empty when there is none.
std::filesystem::path find_ffmpeg() {
    const char* path = std::getenv("PATH");
    if (path == nullptr) return {};
    std::string_view rest = path;
    while (true) {
        const auto colon = rest.find(':');
        const std::filesystem::path candidate = std::filesystem::path(rest.substr(0, colon)) / "ffmpeg";
        if (!candidate.parent_path().empty() && access(candidate.c_str(), X_OK) == 0) return candidate;
        if (colon == std::string_view::npos) return {};
        rest = rest.substr(colon + 1);
    }
}

// Removes a folder of frames however the animation ends.
struct FolderRemover {
    std::filesystem::path folder;
    ~FolderRemover() {
        std::error_code error;
        std::filesystem::remove_all(folder, error);
    }
};

}  // namespace

bool is_animation(const std::filesystem::path& path) {
    const std::string ext = lower_extension(path);
    return ext == ".gif" || ext == ".mp4";
}

void require_ffmpeg(const std::filesystem::path& output) {
    if (!find_ffmpeg().empty()) return;
    throw UsageError(
        fmt::format("{}: an animation is made with ffmpeg, which is not installed (Debian package "
                    "ffmpeg: apt-get install ffmpeg); or write the frames as PNG "
                    "(-o frame_{{n}}_{{period}}.png)",
                    output.string()));
}

void write_animation(const std::vector<std::filesystem::path>& frames, const std::filesystem::path& path,
                     double seconds) {
    const auto ffmpeg = find_ffmpeg();
    if (ffmpeg.empty()) require_ffmpeg(path);
    if (frames.empty()) throw IoError(fmt::format("{}: no frame to animate", path.string()));
    // ffmpeg reads numbered frames from one folder: links to the frames, in order.
    const auto folder = path.parent_path() / fmt::format(".{}.frames-{}", path.filename().string(), getpid());
    const FolderRemover remove{folder};
    std::error_code error;
    std::filesystem::remove_all(folder, error);  // one a killed run of the same process id left
    std::filesystem::create_directories(folder, error);
    if (error)
        throw IoError(fmt::format("{}: cannot make a folder for its frames: {}", path.string(), error.message()));
    for (std::size_t i = 0; i < frames.size(); ++i) {
        std::filesystem::copy_file(frames[i], folder / fmt::format("{:04}.png", i + 1), error);
        if (error) throw IoError(fmt::format("{}: cannot gather frame {}: {}", path.string(), i + 1, error.message()));
    }
    const auto temporary = folder / (std::string("out") + lower_extension(path));
    const std::string rate = fmt::format("1/{:g}", seconds);
    std::vector<std::string> args{ffmpeg.string(),
                                  "-nostdin",
                                  "-loglevel",
                                  "error",
                                  "-y",
                                  "-framerate",
                                  rate,
                                  "-i",
                                  (folder / "%04d.png").string()};
    if (lower_extension(path) == ".gif") {
        // One palette made from every frame: the map's colours, not a generic 256.
        args.insert(args.end(),
                    {"-vf", "split[a][b];[a]palettegen=stats_mode=full[p];[b][p]paletteuse=dither=none", "-loop", "0"});
    } else {
        // H.264 in yuv420p, which every player reads, needs an even width and height.
        args.insert(args.end(), {"-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2:color=white", "-c:v", "libx264", "-pix_fmt",
                                 "yuv420p", "-r", "25"});
    }
    args.push_back(temporary.string());
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    const auto log = folder / "ffmpeg.log";
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t child = 0;
    const int spawned = posix_spawn(&child, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0)
        throw IoError(fmt::format("{}: cannot run {}: {}", path.string(), ffmpeg.string(), std::strerror(spawned)));
    int status = 0;
    while (waitpid(child, &status, 0) < 0) {
        if (errno == EINTR) continue;
        throw IoError(fmt::format("{}: cannot learn how ffmpeg ended: {}", path.string(), std::strerror(errno)));
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::ifstream in(log);
        std::string last;
        for (std::string line; std::getline(in, line);)
            if (!line.empty()) last = line;
        throw IoError(fmt::format("{}: ffmpeg failed{}", path.string(), last.empty() ? "" : ": " + last));
    }
    // Renamed into place within one folder: the animation appears whole or not at all.
    std::filesystem::rename(temporary, path, error);
    if (error) throw IoError(fmt::format("{}: cannot be written: {}", path.string(), error.message()));
}

}  // namespace steppeflow::figure
