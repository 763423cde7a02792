// The read cache keeps what GDAL read from a file, found by the file's content. What comes back
// from it must be exactly what GDAL gave (every column, value, line number and point; every ring of
// every feature), with locations naming the file as it is now; a changed file must be read again;
// a damaged entry must be ignored and replaced; a file that fails to read must leave no entry; and
// a figure drawn from the cache must be the same, byte for byte, as one drawn from the sources.

#include <algorithm>
#include <cstdint>
#include <cstring>

#include <zlib.h>
#include <cstdlib>
#include <fstream>
#include <iterator>

#include <gtest/gtest.h>

#include "io/basemap_reader.hpp"
#include "io/cached_source.hpp"
#include "io/flow_reader.hpp"
#include "io/gazetteer_reader.hpp"
#include "io/gdal_source.hpp"
#include "io/read_cache.hpp"
#include "io/table.hpp"
#include "test_support.hpp"

using namespace steppeflow;

namespace {

std::size_t entries(const std::filesystem::path& directory) {
    if (!std::filesystem::exists(directory)) return 0;
    return static_cast<std::size_t>(
        std::count_if(std::filesystem::directory_iterator(directory), std::filesystem::directory_iterator{},
                      [](const auto& entry) { return entry.path().extension() == ".bin"; }));
}

void expect_same_table(const io::Table& a, const io::Table& b) {
    EXPECT_EQ(a.file, b.file);
    EXPECT_EQ(a.columns, b.columns);
    EXPECT_EQ(a.has_line_numbers, b.has_line_numbers);
    ASSERT_EQ(a.records.size(), b.records.size());
    for (std::size_t i = 0; i < a.records.size(); ++i) {
        const auto& ra = a.records[i];
        const auto& rb = b.records[i];
        EXPECT_EQ(ra.values, rb.values) << "record " << i;
        EXPECT_EQ(ra.where.to_string(), rb.where.to_string()) << "record " << i;
        EXPECT_EQ(ra.where.line, rb.where.line);
        EXPECT_EQ(ra.where.feature, rb.where.feature);
        ASSERT_TRUE(ra.where.header && rb.where.header);
        EXPECT_EQ(*ra.where.header, *rb.where.header);
        ASSERT_EQ(ra.point.has_value(), rb.point.has_value()) << "record " << i;
        if (ra.point) {
            EXPECT_EQ(ra.point->lon, rb.point->lon);
            EXPECT_EQ(ra.point->lat, rb.point->lat);
        }
    }
}

bool same_features(const std::vector<model::Feature>& a, const std::vector<model::Feature>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].name != b[i].name || a[i].short_name != b[i].short_name || a[i].rank != b[i].rank ||
            a[i].lines != b[i].lines || a[i].points != b[i].points || a[i].number != b[i].number ||
            a[i].valid_from != b[i].valid_from || a[i].valid_to != b[i].valid_to)
            return false;
        if (a[i].polygons.size() != b[i].polygons.size()) return false;
        for (std::size_t p = 0; p < a[i].polygons.size(); ++p)
            if (a[i].polygons[p].rings != b[i].polygons[p].rings) return false;
    }
    return true;
}

TEST(ReadCache, TableFromTheCacheIsWhatGdalRead) {
    const auto dir = test::scratch_dir("table");
    const io::ReadCache store(dir / "cache");
    const io::CachedSource cache(io::gdal_source(), store);
    // A CSV (line numbers, text values) and a GeoJSON (point geometries, feature numbers).
    for (const char* name : {"mini_gazetteer.csv", "mini_gazetteer.geojson", "mini_flows.csv"}) {
        const auto path = dir / name;
        std::filesystem::copy_file(test::data_dir() / name, path);
        const io::Table from_gdal = io::read_table(path, io::gdal_source());
        const io::Table first = io::read_table(path, cache);   // read through GDAL, then kept
        const io::Table second = io::read_table(path, cache);  // from the cache
        SCOPED_TRACE(name);
        expect_same_table(first, from_gdal);
        expect_same_table(second, from_gdal);
    }
    EXPECT_EQ(entries(dir / "cache"), 3U);
    // The GeoJSON gazetteer has its coordinates only as geometry: they must survive the cache.
    const auto places = io::read_places(dir / "mini_gazetteer.geojson", nullptr, cache);
    EXPECT_EQ(places, io::read_places(dir / "mini_gazetteer.geojson"));
}

TEST(ReadCache, BasemapFromTheCacheIsWhatGdalRead) {
    const auto dir = test::scratch_dir("basemap");
    const io::ReadCache store(dir / "cache");
    const io::CachedSource cache(io::gdal_source(), store);
    // The 1930 files carry every field a feature has: names in three languages, short forms, dates,
    // points (towns).
    for (const char* layer :
         {"lakes.geojson", "rivers.geojson", "countries.geojson", "1930/unit_names.geojson", "1930/towns.geojson"}) {
        const auto path = test::source_dir() / "geodata" / "basemap" / layer;
        const auto from_gdal = io::read_features(path);
        (void)io::read_features(path, cache);
        const auto cached = io::read_features(path, cache);
        EXPECT_TRUE(same_features(cached, from_gdal)) << layer;
        EXPECT_FALSE(cached.empty());
    }
    EXPECT_EQ(entries(dir / "cache"), 5U);
}

TEST(ReadCache, LocationsNameTheFileAsItIsNow) {
    const auto dir = test::scratch_dir("moved");
    const io::ReadCache store(dir / "cache");
    const io::CachedSource cache(io::gdal_source(), store);
    std::filesystem::copy_file(test::data_dir() / "mini_flows.csv", dir / "first.csv");
    std::filesystem::copy_file(test::data_dir() / "mini_flows.csv", dir / "second.csv");
    (void)io::read_table(dir / "first.csv", cache);
    const io::Table second = io::read_table(dir / "second.csv", cache);  // same content: from the cache
    EXPECT_EQ(entries(dir / "cache"), 1U);
    EXPECT_EQ(second.file, (dir / "second.csv").string());
    ASSERT_FALSE(second.records.empty());
    EXPECT_EQ(second.records.front().where.file, (dir / "second.csv").string());
    EXPECT_EQ(second.records.front().where.line, 2);
}

TEST(ReadCache, ChangedFileIsReadAgain) {
    const auto dir = test::scratch_dir("changed");
    const io::ReadCache store(dir / "cache");
    const io::CachedSource cache(io::gdal_source(), store);
    const auto path = dir / "places.csv";
    std::string text = test::read_file(test::data_dir() / "mini_gazetteer.csv");
    test::write_file(path, text);
    (void)io::read_table(path, cache);
    const auto at = text.find("Zaisan,");
    ASSERT_NE(at, std::string::npos);
    text.replace(at, 6, "Zaysan");  // one name changed, same length
    test::write_file(path, text);
    const io::Table changed = io::read_table(path, cache);
    const auto column = *changed.column_index("name_en");
    EXPECT_TRUE(std::any_of(changed.records.begin(), changed.records.end(),
                            [&](const io::Record& r) { return r.values[column] == "Zaysan"; }));
    EXPECT_EQ(entries(dir / "cache"), 2U);
}

TEST(ReadCache, DamagedEntryIsIgnoredAndReplaced) {
    const auto dir = test::scratch_dir("damaged");
    const io::ReadCache store(dir / "cache");
    const io::CachedSource cache(io::gdal_source(), store);
    const auto path = dir / "flows.csv";
    std::filesystem::copy_file(test::data_dir() / "mini_flows.csv", path);
    const io::Table good = io::read_table(path, cache);
    const auto entry = store.entry_path("table.csv", test::read_file(path));
    ASSERT_TRUE(std::filesystem::exists(entry));
    const std::string bytes = test::read_file(entry);
    // Cut short, a count made huge, and bytes flipped in the middle: each must read as "no entry".
    // The huge count (the number of columns: after the format and line-number words of the payload)
    // comes with its CRC made anew, so that it is the reader's bound on counts that refuses it, not
    // the checksum.
    const std::size_t payload = std::string("steppeflow read cache\n").size() + sizeof(std::uint32_t);
    std::string huge = bytes;
    const std::uint32_t many = 0xffffffffU;
    std::memcpy(huge.data() + payload + 2 * sizeof(std::uint32_t), &many, sizeof many);
    const auto crc = static_cast<std::uint32_t>(
        crc32(0L, reinterpret_cast<const Bytef*>(huge.data() + payload), static_cast<uInt>(huge.size() - payload)));
    std::memcpy(huge.data() + payload - sizeof crc, &crc, sizeof crc);
    std::string flipped = bytes;
    for (std::size_t i = flipped.size() / 2; i < flipped.size() / 2 + 16; ++i)
        flipped[i] = static_cast<char>(~flipped[i]);
    for (const std::string& damaged : {bytes.substr(0, bytes.size() / 2), huge, flipped, std::string("junk")}) {
        test::write_file(entry, damaged);
        const io::Table again = io::read_table(path, cache);
        expect_same_table(again, good);
        EXPECT_EQ(test::read_file(entry), bytes) << "the entry is rewritten whole";
    }
}

TEST(ReadCache, FileThatFailsToReadLeavesNoEntry) {
    const auto dir = test::scratch_dir("failing");
    const io::ReadCache store(dir / "cache");
    const io::CachedSource cache(io::gdal_source(), store);
    test::write_file(dir / "broken.geojson", "{\"type\": \"FeatureCollection\", \"features\": [");
    EXPECT_THROW((void)io::read_features(dir / "broken.geojson", cache), Error);
    EXPECT_THROW((void)io::read_features(dir / "broken.geojson", cache), Error);  // and again, from the source
    EXPECT_EQ(entries(dir / "cache"), 0U);
}

TEST(ReadCache, UnwritableDirectoryIsSkipped) {
    const auto dir = test::scratch_dir("unwritable");
    test::write_file(dir / "file-in-the-way", "");
    const io::CachedSource cache(io::gdal_source(),
                                 io::ReadCache(dir / "file-in-the-way" / "cache"));  // a file is in its path
    const auto places = io::read_places(test::data_dir() / "mini_gazetteer.csv", nullptr, cache);
    EXPECT_EQ(places, io::read_places(test::data_dir() / "mini_gazetteer.csv"));
}

TEST(ReadCache, FigureFromTheCacheIsByteIdentical) {
    const auto dir = test::scratch_dir("figure");
    const auto cache_dir = dir / "cache";
    const auto render = [&](const std::string& name, bool use_cache) {
        std::vector<std::string> args{"render",
                                      "--title",
                                      "Cache",
                                      "-o",
                                      (dir / (name + ".png")).string(),
                                      "-o",
                                      (dir / (name + ".svg")).string()};
        if (!use_cache) args.emplace_back("--no-cache");
        setenv("STEPPEFLOW_CACHE", cache_dir.c_str(), 1);
        const auto result = test::run_cli(args);
        EXPECT_EQ(result.exit_code, 0) << result.err;
    };
    render("source", false);
    EXPECT_EQ(entries(cache_dir), 0U) << "--no-cache writes nothing";
    render("filling", true);
    EXPECT_EQ(entries(cache_dir), 13U);  // gazetteer, flows and eleven basemap files
    render("cached", true);
    for (const char* extension : {".png", ".svg"}) {
        const std::string source = test::read_file(dir / (std::string("source") + extension));
        EXPECT_TRUE(test::read_file(dir / (std::string("filling") + extension)) == source) << extension;
        EXPECT_TRUE(test::read_file(dir / (std::string("cached") + extension)) == source) << extension;
    }
    unsetenv("STEPPEFLOW_CACHE");
}

}  // namespace

namespace {

// GDAL reads a CSV's .csvt (column types) and .prj too: the bytes of the CSV alone do not decide what
// it reads, so such a file is always read from the source.
TEST(ReadCache, CsvWithSideFilesIsNotKept) {
    const auto dir = test::scratch_dir("side_files");
    const io::ReadCache store(dir / "cache");
    const io::CachedSource cache(io::gdal_source(), store);
    std::filesystem::copy_file(test::data_dir() / "mini_flows.csv", dir / "flows.csv");
    EXPECT_TRUE(store.covers(dir / "flows.csv"));
    test::write_file(dir / "flows.csvt", "String\n");
    EXPECT_FALSE(store.covers(dir / "flows.csvt"));
    EXPECT_FALSE(store.covers(dir / "flows.csv"));
    (void)io::read_table(dir / "flows.csv", cache);
    EXPECT_EQ(entries(dir / "cache"), 0U);
    EXPECT_FALSE(store.covers(dir));  // a directory (a dataset of several files) is never kept
    EXPECT_FALSE(io::ReadCache{}.covers(test::data_dir() / "mini_flows.csv"));
}

}  // namespace

TEST(ReadCache, EachTestReadsAndFillsItsOwnCacheNeverTheUsers) {
    const char* chosen = std::getenv("STEPPEFLOW_CACHE");
    ASSERT_NE(chosen, nullptr) << "the suite would read and fill ~/.cache/steppeflow";
    const std::string dir = chosen;
    EXPECT_EQ(dir.rfind(STEPPEFLOW_TEST_OUTPUT_DIR, 0), 0U) << dir;
    EXPECT_NE(dir.find("ReadCache.EachTestReadsAndFillsItsOwnCacheNeverTheUsers"), std::string::npos) << dir;
    std::filesystem::remove_all(dir);
    const auto out = test::scratch_dir("own_cache") / "x.png";
    const auto result =
        test::run_cli({"render", "--gazetteer", (test::data_dir() / "mini_gazetteer.csv").string(), "--flows",
                       (test::data_dir() / "mini_flows.csv").string(), "--dpi", "30", "-o", out.string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    // The render's reads were kept in this test's cache.
    ASSERT_TRUE(std::filesystem::is_directory(dir));
    EXPECT_GT(std::distance(std::filesystem::recursive_directory_iterator(dir),
                            std::filesystem::recursive_directory_iterator()),
              2);
}
