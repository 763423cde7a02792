#include <gtest/gtest.h>

#include "model/name_match.hpp"

using steppeflow::model::fold_name;
using steppeflow::model::nearest_names;

TEST(NameMatch, SpellingsOfZharkentFoldAlike) {
    const std::string zharkent = fold_name("Zharkent");
    EXPECT_EQ(fold_name("Dzharkent"), zharkent);
    EXPECT_EQ(fold_name("Jarkent"), zharkent);
    EXPECT_EQ(fold_name("Джаркент"), zharkent);
    EXPECT_EQ(fold_name("Жаркент"), zharkent);
    EXPECT_EQ(fold_name("ZHARKENT"), zharkent);
}

TEST(NameMatch, KazakhLettersAndPunctuation) {
    EXPECT_EQ(fold_name("Қатонқарағай"), fold_name("Katon-Karagay"));
    EXPECT_EQ(fold_name("Үржар"), fold_name("Urzhar"));
    EXPECT_NE(fold_name("Zaisan"), fold_name("Urdzhar"));
}

TEST(NameMatch, NearestNamesRankByDistanceAndCutOffNoise) {
    const std::vector<std::string> ids{"zaisan_district", "kurchum_district", "makanchi_district", "kulja"};
    const auto near = nearest_names("zaisan_distrct", ids, 2);
    ASSERT_FALSE(near.empty());
    EXPECT_EQ(near.front(), "zaisan_district");
    EXPECT_TRUE(nearest_names("completely_unrelated_words", ids).empty());
}
