#include "io/read_cache.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <bit>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <memory>
#include <sstream>

#include <fmt/format.h>
#include <gdal_version.h>
#include <zlib.h>

#include "common/error.hpp"
#include "io/text_checks.hpp"

namespace steppeflow::io {

namespace {

// Bumped whenever what an entry holds, or how GDAL's results are taken, changes.
constexpr std::uint32_t kFormat = 4;  // 2: names in 3 languages, dates; 3: points, numbers; 4: short names
constexpr std::string_view kMagic = "steppeflow read cache\n";

// Entries are native-endian; one written elsewhere is merely not found (its name differs).
class Writer {
public:
    void u32(std::uint32_t value) { raw(&value, sizeof value); }
    void i32(std::int32_t value) { raw(&value, sizeof value); }
    void f64(double value) { raw(&value, sizeof value); }
    void text(std::string_view value) {
        u32(static_cast<std::uint32_t>(value.size()));
        bytes_.append(value);
    }
    void path(const model::LonLatPath& points) {
        u32(static_cast<std::uint32_t>(points.size()));
        for (const auto& point : points) {
            f64(point.lon);
            f64(point.lat);
        }
    }
    [[nodiscard]] const std::string& bytes() const { return bytes_; }

private:
    void raw(const void* data, std::size_t size) { bytes_.append(static_cast<const char*>(data), size); }
    std::string bytes_;
};

// Reads what Writer wrote; any inconsistency (a truncated or damaged entry) makes ok() false, and
// no count can ask for more elements than there are bytes left, so a damaged entry cannot make it
// allocate without bound.
class Reader {
public:
    explicit Reader(std::string_view bytes) : bytes_(bytes) {}
    std::uint32_t u32() { return fixed<std::uint32_t>(); }
    std::int32_t i32() { return fixed<std::int32_t>(); }
    double f64() { return fixed<double>(); }
    std::string text() {
        const std::uint32_t size = u32();
        if (!take(size)) return {};
        return std::string(bytes_.substr(at_ - size, size));
    }
    // A count of elements each at least `element_bytes` long.
    std::uint32_t count(std::size_t element_bytes) {
        const std::uint32_t n = u32();
        if (static_cast<std::size_t>(n) * element_bytes > bytes_.size() - at_) ok_ = false;
        return ok_ ? n : 0;
    }
    model::LonLatPath path() {
        model::LonLatPath points(count(16));
        for (auto& point : points) point = {f64(), f64()};
        return points;
    }
    [[nodiscard]] bool ok() const { return ok_; }
    [[nodiscard]] bool at_end() const { return at_ == bytes_.size(); }

private:
    template <typename T>
    T fixed() {
        T value{};
        if (take(sizeof value)) std::memcpy(&value, bytes_.data() + at_ - sizeof value, sizeof value);
        return value;
    }
    bool take(std::size_t size) {
        if (!ok_ || size > bytes_.size() - at_) {
            ok_ = false;
            return false;
        }
        at_ += size;
        return true;
    }
    std::string_view bytes_;
    std::size_t at_ = 0;
    bool ok_ = true;
};

// A feature's optional date as a flag and year, month, day.
void write_date(Writer& out, const std::optional<model::PartialDate>& date) {
    out.u32(date ? 1 : 0);
    if (date) {
        out.i32(date->year);
        out.i32(date->month);
        out.i32(date->day);
    }
}

std::optional<model::PartialDate> read_date(Reader& in) {
    if (in.u32() == 0) return std::nullopt;
    model::PartialDate date;
    date.year = in.i32();
    date.month = in.i32();
    date.day = in.i32();
    return date;
}

std::uint32_t checksum(std::string_view bytes) {
    return static_cast<std::uint32_t>(
        crc32_z(crc32(0L, nullptr, 0), reinterpret_cast<const Bytef*>(bytes.data()), bytes.size()));
}

// An entry is the magic line, the CRC-32 of what follows, and the payload: a damaged byte anywhere
// makes the whole entry unreadable rather than a table with a wrong value in it.
std::optional<std::string> read_entry(const std::filesystem::path& path) {
    std::string bytes;
    try {
        bytes = read_text_file(path);
    } catch (const IoError&) {
        return std::nullopt;  // no entry
    }
    std::uint32_t stored = 0;
    if (!bytes.starts_with(kMagic) || bytes.size() < kMagic.size() + sizeof stored) return std::nullopt;
    std::memcpy(&stored, bytes.data() + kMagic.size(), sizeof stored);
    bytes.erase(0, kMagic.size() + sizeof stored);
    if (checksum(bytes) != stored) return std::nullopt;
    return bytes;
}

// Written to a file of its own first and renamed into place, so that runs at the same time (a batch,
// two terminals) never see half an entry.
void write_entry(const std::filesystem::path& path, const std::string& bytes) {
    static std::atomic<unsigned> sequence{0};
    std::error_code error;
    std::filesystem::create_directories(path.parent_path(), error);
    if (error) return;
    const auto temporary =
        path.parent_path() / fmt::format(".{}.{}.{}", path.filename().string(), getpid(), sequence++);
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        const std::uint32_t sum = checksum(bytes);
        out << kMagic;
        out.write(reinterpret_cast<const char*>(&sum), sizeof sum);
        out << bytes;
        out.close();
        if (!out) {
            std::filesystem::remove(temporary, error);
            return;
        }
    }
    std::filesystem::rename(temporary, path, error);
    if (error) std::filesystem::remove(temporary, error);
}

}  // namespace

std::filesystem::path ReadCache::entry_path(std::string_view kind, std::string_view content) const {
    // Two independent hashes and the length name the content; the entry format, the GDAL release
    // steppeflow was built against and the way of reading are part of the name, so entries of another
    // build are never taken. (A GDAL upgrade under the same build keeps its entries: delete the
    // cache directory, or use --no-cache, after one that changes how files are read.)
    const std::string salt =
        fmt::format("{}|{}|{}|{}|", kFormat, GDAL_RELEASE_NAME, kind, std::endian::native == std::endian::little);
    const std::size_t hash =
        std::hash<std::string_view>{}(content) ^ (std::hash<std::string>{}(salt)*0x9e3779b97f4a7c15U);
    const std::uint32_t crc = checksum(content);
    return directory_ / fmt::format("{}-{:016x}{:08x}-{}.bin", kind, hash, crc, content.size());
}

std::optional<Table> ReadCache::find_table(std::string_view kind, std::string_view content,
                                           const std::string& file) const {
    if (!enabled()) return std::nullopt;
    const auto bytes = read_entry(entry_path(kind, content));
    if (!bytes) return std::nullopt;
    Reader in(*bytes);
    if (in.u32() != kFormat) return std::nullopt;
    Table table;
    table.file = file;
    table.has_line_numbers = in.u32() != 0;
    table.columns.resize(in.count(4));
    for (auto& column : table.columns) column = in.text();
    const auto header = std::make_shared<const std::vector<std::string>>(table.columns);
    table.records.resize(in.count(16));
    for (auto& record : table.records) {
        record.where.file = file;
        record.where.header = header;
        record.where.line = in.i32();
        record.where.feature = in.i32();
        record.values.resize(in.count(4));
        for (auto& value : record.values) value = in.text();
        if (in.u32() != 0) record.point = PointGeometry{in.f64(), in.f64()};
    }
    if (!in.ok() || !in.at_end()) return std::nullopt;
    return table;
}

void ReadCache::store_table(std::string_view kind, std::string_view content, const Table& table) const {
    if (!enabled()) return;
    Writer out;
    out.u32(kFormat);
    out.u32(table.has_line_numbers ? 1 : 0);
    out.u32(static_cast<std::uint32_t>(table.columns.size()));
    for (const auto& column : table.columns) out.text(column);
    out.u32(static_cast<std::uint32_t>(table.records.size()));
    for (const auto& record : table.records) {
        out.i32(record.where.line);
        out.i32(record.where.feature);
        out.u32(static_cast<std::uint32_t>(record.values.size()));
        for (const auto& value : record.values) out.text(value);
        out.u32(record.point ? 1 : 0);
        if (record.point) {
            out.f64(record.point->lon);
            out.f64(record.point->lat);
        }
    }
    write_entry(entry_path(kind, content), out.bytes());
}

std::optional<std::vector<model::Feature>> ReadCache::find_features(std::string_view kind,
                                                                    std::string_view content) const {
    if (!enabled()) return std::nullopt;
    const auto bytes = read_entry(entry_path(kind, content));
    if (!bytes) return std::nullopt;
    Reader in(*bytes);
    if (in.u32() != kFormat) return std::nullopt;
    std::vector<model::Feature> features(in.count(20));
    for (auto& feature : features) {
        feature.name.en = in.text();
        feature.name.ru = in.text();
        feature.name.kk = in.text();
        feature.short_name.en = in.text();
        feature.short_name.ru = in.text();
        feature.short_name.kk = in.text();
        feature.rank = in.f64();
        feature.valid_from = read_date(in);
        feature.valid_to = read_date(in);
        feature.polygons.resize(in.count(4));
        for (auto& polygon : feature.polygons) {
            polygon.rings.resize(in.count(4));
            for (auto& ring : polygon.rings) ring = in.path();
        }
        feature.lines.resize(in.count(4));
        for (auto& line : feature.lines) line = in.path();
        feature.points = in.path();
        feature.number = in.i32();
    }
    if (!in.ok() || !in.at_end()) return std::nullopt;
    return features;
}

void ReadCache::store_features(std::string_view kind, std::string_view content,
                               const std::vector<model::Feature>& features) const {
    if (!enabled()) return;
    Writer out;
    out.u32(kFormat);
    out.u32(static_cast<std::uint32_t>(features.size()));
    for (const auto& feature : features) {
        out.text(feature.name.en);
        out.text(feature.name.ru);
        out.text(feature.name.kk);
        out.text(feature.short_name.en);
        out.text(feature.short_name.ru);
        out.text(feature.short_name.kk);
        out.f64(feature.rank);
        write_date(out, feature.valid_from);
        write_date(out, feature.valid_to);
        out.u32(static_cast<std::uint32_t>(feature.polygons.size()));
        for (const auto& polygon : feature.polygons) {
            out.u32(static_cast<std::uint32_t>(polygon.rings.size()));
            for (const auto& ring : polygon.rings) out.path(ring);
        }
        out.u32(static_cast<std::uint32_t>(feature.lines.size()));
        for (const auto& line : feature.lines) out.path(line);
        out.path(feature.points);
        out.i32(feature.number);
    }
    write_entry(entry_path(kind, content), out.bytes());
}

bool ReadCache::covers(const std::filesystem::path& file) const {
    if (!enabled()) return false;
    std::error_code error;
    if (!std::filesystem::is_regular_file(file, error)) return false;
    const std::string extension = read_kind("", file);
    if (extension == ".geojson" || extension == ".json") return true;
    if (extension != ".csv") return false;
    for (const char* side : {".csvt", ".CSVT", ".prj", ".PRJ"}) {
        if (std::filesystem::exists(std::filesystem::path(file).replace_extension(side), error)) return false;
    }
    return true;
}

std::string read_kind(std::string_view reading, const std::filesystem::path& file) {
    std::string kind = std::string(reading) + file.extension().string();
    std::transform(kind.begin(), kind.end(), kind.begin(), [](unsigned char c) { return std::tolower(c); });
    return kind;
}

ReadCache default_read_cache() {
    if (const char* chosen = std::getenv("STEPPEFLOW_CACHE"); chosen != nullptr && *chosen != '\0') {
        if (std::string_view(chosen) == "off") return {};
        return ReadCache(chosen);
    }
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg != '\0')
        return ReadCache(std::filesystem::path(xdg) / "steppeflow");
    if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0')
        return ReadCache(std::filesystem::path(home) / ".cache" / "steppeflow");
    return {};
}

}  // namespace steppeflow::io
