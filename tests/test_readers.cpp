#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>

#include <fstream>
#include <thread>

#include <atomic>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "io/flow_reader.hpp"
#include "io/gazetteer_reader.hpp"
#include "io/text_checks.hpp"
#include "model/gazetteer.hpp"
#include "test_support.hpp"

using namespace steppeflow;
using ::testing::HasSubstr;

TEST(Readers, GazetteerFromCsvAndGeoJsonIsIdentical) {
    const auto from_csv = io::read_places(test::data_dir() / "mini_gazetteer.csv");
    const auto from_geojson = io::read_places(test::data_dir() / "mini_gazetteer.geojson");
    ASSERT_EQ(from_csv.size(), 6u);
    EXPECT_EQ(from_csv, from_geojson);
    EXPECT_EQ(from_csv[4].name_kk, "Құлжа");
    EXPECT_DOUBLE_EQ(from_csv[0].position.lon, 80.2275);
    EXPECT_EQ(from_csv[1].variants, (std::vector<std::string>{"Zaysan", "Zaissan"}));
}

TEST(Readers, FlowsFromCsvAndGeoJsonAreIdentical) {
    const auto from_csv = io::read_flows(test::data_dir() / "mini_flows.csv");
    const auto from_geojson = io::read_flows(test::data_dir() / "mini_flows.geojson");
    ASSERT_EQ(from_csv.size(), 4u);
    EXPECT_EQ(from_csv, from_geojson);
    EXPECT_EQ(from_csv[0].count, 150);
    EXPECT_EQ(from_csv[1].livestock_head, 388);
    EXPECT_FALSE(from_csv[3].count.has_value());
    EXPECT_EQ(from_csv[3].certainty, model::Certainty::unknown_size);
}

TEST(Readers, CsvRecordsKnowTheirLine) {
    const auto flows = io::read_flows(test::data_dir() / "mini_flows.csv");
    EXPECT_EQ(flows[0].where.line, 2);
    EXPECT_EQ(flows[3].where.line, 5);
}

namespace {
const std::string kHeader =
    "id,date_start,date_end,origin,via,destination,count,unit,status,certainty,livestock_head,scope,part_of,source,"
    "quote,note\n";
const std::string kGoodRow = "A1,1930,1930,a,,b,10,people,crossed,documented,,event,,src,,\n";

std::string error_for(const std::string& csv) {
    const auto path = test::scratch_dir("readers") / "flows.csv";
    test::write_file(path, csv);
    try {
        (void)io::read_flows(path);
    } catch (const DataError& e) {
        return e.what();
    }
    return "no error";
}
}  // namespace

TEST(Readers, MalformedRowNamesItsLineAndField) {
    const std::string message =
        error_for(kHeader + kGoodRow + kGoodRow + "A3,1930,1930,a,,b,-5,people,crossed,documented,,event,,src,,\n");
    EXPECT_THAT(message, HasSubstr("flows.csv:4:7"));
    EXPECT_THAT(message, HasSubstr("(field 'count')"));
    EXPECT_THAT(message, HasSubstr("negative"));
}

TEST(Readers, BadDateUnitAndCountAreReported) {
    EXPECT_THAT(error_for(kHeader + "A1,1930-02-30,,a,,b,10,people,crossed,documented,,event,,s,,\n"),
                HasSubstr("not a valid date"));
    EXPECT_THAT(error_for(kHeader + "A1,1930,,a,,b,10,peeple,crossed,documented,,event,,s,,\n"),
                HasSubstr("did you mean 'people'?"));
    EXPECT_THAT(error_for(kHeader + "A1,1930,,a,,b,ten,people,crossed,documented,,event,,s,,\n"),
                HasSubstr("expected a whole number, found 'ten'"));
    EXPECT_THAT(error_for(kHeader + "A1,1930,,a,,b,,people,crossed,documented,,event,,s,,\n"),
                HasSubstr("certainty is not 'unknown_size'"));
}

TEST(Readers, MissingColumnIsNamed) {
    const auto path = test::scratch_dir("readers_columns") / "places.csv";
    test::write_file(path, "id,kind,label,lon,lat\nx,village,X,80,50\n");
    try {
        (void)io::read_places(path);
        FAIL() << "expected a DataError";
    } catch (const DataError& e) {
        EXPECT_THAT(e.what(), HasSubstr("missing column 'name'"));
    }
}

TEST(Readers, CoordinateOutOfRangeIsReported) {
    const auto path = test::scratch_dir("readers_coords") / "places.csv";
    test::write_file(path, "id,kind,name_en,lon,lat\nx,village,X,80,95\n");
    EXPECT_THROW((void)io::read_places(path), DataError);
}

TEST(Gazetteer, DuplicateIdsAreRejectedWithBothLocations) {
    auto places = io::read_places(test::data_dir() / "mini_gazetteer.csv");
    places.push_back(places.front());
    places.back().where.line = 99;
    try {
        model::Gazetteer gazetteer(places);
        FAIL() << "expected a DataError";
    } catch (const DataError& e) {
        EXPECT_THAT(e.what(), HasSubstr(":99"));
        EXPECT_THAT(e.what(), HasSubstr("first defined at"));
    }
}

TEST(Gazetteer, LookupByAnyVariantAndSuggestion) {
    const model::Gazetteer gazetteer(io::read_places(test::data_dir() / "mini_gazetteer.csv"));
    ASSERT_EQ(gazetteer.lookup("Құлжа").size(), 1u);
    EXPECT_EQ(gazetteer.lookup("yining").front()->id, "kulja");
    EXPECT_EQ(gazetteer.lookup("URJAR").front()->id, "urdzhar_district");
    EXPECT_EQ(gazetteer.suggest("zaisan_distict").front(), "zaisan_district");
}

// A spec or data file may come through a pipe (steppeflow render <(make-spec)): it has no size to
// read it at, and is read to its end instead.
TEST(TextFiles, ReadThroughAPipe) {
    const auto dir = test::scratch_dir("pipe");
    const auto fifo = dir / "pipe";
    ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
    std::string text;
    for (int i = 0; i < 5000; ++i) text += "line " + std::to_string(i) + "\n";
    std::signal(SIGPIPE, SIG_IGN);  // a reader that gives up must fail this test, not kill the process
    std::thread writer([&] {
        const int fd = ::open(fifo.c_str(), O_WRONLY);
        for (std::size_t at = 0; fd >= 0 && at < text.size();) {
            const ssize_t written = ::write(fd, text.data() + at, text.size() - at);
            if (written <= 0) break;
            at += static_cast<std::size_t>(written);
        }
        if (fd >= 0) ::close(fd);
    });
    std::string read;
    try {
        read = io::read_text_file(fifo);
    } catch (const std::exception& e) {
        ADD_FAILURE() << e.what();
    }
    // Lets the writer's open return if the reader never got as far as opening the pipe.
    const int release = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
    writer.join();
    if (release >= 0) ::close(release);
    EXPECT_EQ(read, text);
}

// A flows file given through a pipe (--flows <(cat flows.csv)): GDAL cannot recognise it, and the
// message says why and what to do, instead of "no driver recognised it" alone.
TEST(TextFiles, AFlowsFileThroughAPipeIsRefusedSayingWhy) {
    const auto dir = test::scratch_dir("flows_pipe");
    const auto fifo = dir / "flows";
    ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
    const std::string text = test::read_file(test::data_dir() / "mini_flows.csv");
    std::signal(SIGPIPE, SIG_IGN);
    // Written whenever a reader opens it (GDAL and the raw checks each open it), until done.
    std::atomic<bool> done{false};
    std::thread writer([&] {
        while (!done) {
            const int fd = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);  // fails while no reader has it open
            if (fd < 0) {
                usleep(200);
                continue;
            }
            (void)::write(fd, text.data(), text.size());  // smaller than a pipe's buffer: never blocks
            ::close(fd);
        }
    });
    try {
        (void)io::read_flows(fifo);
        ADD_FAILURE() << "a pipe was read as a flows file";
    } catch (const Error& e) {
        EXPECT_THAT(e.what(), ::testing::HasSubstr("it is a pipe or device, not a file"));
    }
    done = true;
    writer.join();
}
