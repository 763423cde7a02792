#include "layout/map_text.hpp"

#include <array>
#include <cmath>

#include <fmt/format.h>

namespace steppeflow::layout {

namespace {

struct Wording {
    Phrase which;
    const char* en;
    const char* ru;
    const char* kk;
};

// One row per phrase, in the order of the enum (checked at compile time below).
constexpr std::array kWordings{
    Wording{Phrase::people, "people", "люди", "адам"},
    Wording{Phrase::households, "households (farms)", "хозяйства", "шаруашылық"},
    Wording{Phrase::families, "families", "семьи", "отбасы"},
    Wording{Phrase::livestock, "head of livestock", "головы скота", "мал басы"},
    Wording{Phrase::unit_not_stated, "unit not stated", "единица не указана", "өлшем бірлігі көрсетілмеген"},
    Wording{Phrase::okrug_centre, "okrug centre", "центр округа", "округ орталығы"},
    Wording{Phrase::district_centre, "district centre", "центр района", "аудан орталығы"},
    Wording{Phrase::village, "village, aul or tract", "село, аул или урочище", "ауыл немесе қоныс"},
    Wording{Phrase::border_outpost, "border outpost", "пограничная застава", "шекара заставасы"},
    Wording{Phrase::town, "town", "город", "қала"},
    Wording{Phrase::destination, "destination", "место назначения", "баратын жер"},
    Wording{Phrase::year_colour, "Year", "Год", "Жыл"},
    Wording{Phrase::date_not_stated, "date not stated", "дата не указана", "күні көрсетілмеген"},
    Wording{Phrase::counted_in_colour, "Unit", "Единица", "Өлшем бірлігі"},
    Wording{Phrase::outcome_and_certainty, "Outcome and certainty", "Исход и достоверность", "Нәтиже және сенімділік"},
    Wording{Phrase::crossed_the_border, "crossed the border", "перешли границу", "шекарадан өтті"},
    Wording{Phrase::crossed, "crossed", "перешли", "өтті"},
    Wording{Phrase::detained, "detained", "задержаны", "ұсталды"},
    Wording{Phrase::estimate_or_lower_bound, "estimate or lower bound", "оценка или нижняя граница",
            "бағалау немесе төменгі шек"},
    Wording{Phrase::number_not_stated, "number not stated", "число не указано", "саны көрсетілмеген"},
    Wording{Phrase::places, "Places", "Пункты", "Елді мекендер"},
    Wording{Phrase::frame_destination, "to {}", "→ {}", "→ {}"},
    Wording{Phrase::scale_caption, "km, true at {}°N", "км, масштаб верен на {}° с. ш.", "км, {}° с. е. бойынша дәл"},
    Wording{Phrase::scale_caption_plain, "km", "км", "км"},
    Wording{Phrase::north, "N", "С", "С"},
    Wording{
        Phrase::subtitle_linear,
        "Movements recorded in the archival sources; width proportional to the number stated, one scale per unit",
        "Перемещения по архивным источникам; ширина пропорциональна указанному числу, своя шкала для каждой единицы",
        "Мұрағат деректеріндегі көшулер; ені көрсетілген санға пропорционал, әр өлшем бірлігінің өз шкаласы"},
    Wording{
        Phrase::subtitle_sqrt,
        "Movements recorded in the archival sources; width by the square root of the number stated, one scale per unit",
        "Перемещения по архивным источникам; ширина по квадратному корню указанного числа, своя шкала для каждой "
        "единицы",
        "Мұрағат деректеріндегі көшулер; ені көрсетілген санның квадрат түбірі бойынша, әр өлшем бірлігінің өз "
        "шкаласы"},
    Wording{Phrase::subtitle_classes,
            "Movements recorded in the archival sources; width by class of the number stated, one scale per unit",
            "Перемещения по архивным источникам; ширина по классам указанного числа, своя шкала для каждой единицы",
            "Мұрағат деректеріндегі көшулер; ені көрсетілген санның топтары бойынша, әр өлшем бірлігінің өз шкаласы"},
    Wording{Phrase::subtitle_overlay,
            " (people, households or families, as the source counts); colour: the year a movement began or was "
            "reported",
            " (человек, хозяйств или семей, как в источнике); цвет: год начала перемещения или донесения о нём",
            " (адам, шаруашылық не отбасы, дереккөздегідей); түсі: көшу басталған не ол туралы хабарланған жыл"},
    Wording{Phrase::subtitle_multiples,
            ", on the same scale in every panel; each panel: the year a movement began or was reported",
            ", в одном масштабе на всех панелях; панель: год начала перемещения или донесения о нём",
            ", барлық панельде бір масштабпен; әр панель: көшу басталған не ол туралы хабарланған жыл"},
    Wording{Phrase::no_mappable_record, ". No record that can be mapped for {}",
            ". Нет данных, которые можно нанести на карту, за {}", ". Картаға түсіруге болатын дерек жоқ: {}"},
    Wording{Phrase::credits,
            "Data: Atantayeva et al. 2025, Gumilyov Journal of History 152(3), and the archival files it cites. ",
            "Данные: Atantayeva et al. 2025, Gumilyov Journal of History 152(3), и цитируемые там архивные дела. ",
            "Деректер: Atantayeva et al. 2025, Gumilyov Journal of History 152(3) және онда келтірілген мұрағат "
            "істері. "},
    Wording{Phrase::basemap_credit, "Basemap: {}. ", "Основа: {}. ", "Негізгі карта: {}. "},
    Wording{Phrase::default_projection, "Albers equal-area, 40°/52°N, 75°E.",
            "Равновеликая проекция Альберса, 40°/52° с. ш., 75° в. д.",
            "Альберстің тең аудандық проекциясы, 40°/52° с. е., 75° ш. б."},
    Wording{Phrase::projection, "Projection: {}.", "Проекция: {}.", "Проекция: {}."},
    Wording{Phrase::household_assumption,
            ". Assumption: households converted to people at {} per household (the ratio stated for {}; {})",
            ". Допущение: хозяйства пересчитаны в людей по {} человека на хозяйство (соотношение, указанное для {}; "
            "{})",
            ". Болжам: шаруашылықтар адамға бір шаруашылыққа {} адамнан есептелді ({} үшін көрсетілген арақатынас; "
            "{})"},
    Wording{Phrase::centred_projection, "Albers equal-area, {}/{}, {}, centred on the data.",
            "Равновеликая проекция Альберса, {}/{}, {}, по центру данных.",
            "Альберстің тең аудандық проекциясы, {}/{}, {}, деректердің ортасында."},
    Wording{Phrase::centred_azimuthal, "Lambert azimuthal equal-area, {}, {}, centred on the data.",
            "Равновеликая азимутальная проекция Ламберта, {}, {}, по центру данных.",
            "Ламберттің тең аудандық азимуттық проекциясы, {}, {}, деректердің ортасында."},
    Wording{Phrase::region_point, "region (at its seat)", "край, область (по центру)", "өлке, облыс (орталығы)"},
    Wording{Phrase::died, "died on the way", "погибли в пути", "жолда қаза тапты"},
    Wording{Phrase::returned, "returned", "вернулись", "оралды"},
    Wording{Phrase::hub, "one figure, several places (disc)", "одно число, несколько мест (круг)",
            "бір сан, бірнеше жер (шеңбер)"},
    Wording{Phrase::branch, "a place it names (share not stated)", "названное место (доля не указана)",
            "аталған жер (үлесі көрсетілмеген)"},
    Wording{Phrase::range, "range: low figure, pale to the high", "диапазон: нижнее число, светлее — верхнее",
            "аралық: төменгі сан, ашығы — жоғарғы"},
    Wording{Phrase::detail_scales, "; each panel has its own width key", "; у каждой панели своя шкала ширины",
            "; әр панельдің өз ен шкаласы бар"},
    Wording{Phrase::trunk_branches, "one figure, several places", "одно число, несколько мест", "бір сан, бірнеше жер"},
    Wording{Phrase::attempted, "attempted, outcome not stated", "пытались уйти, исход не указан",
            "кетуге әрекеттенді, нәтижесі көрсетілмеген"},
    Wording{Phrase::planned, "planned", "собирались уйти", "кетуді жоспарлады"},
    Wording{Phrase::people_key, "People", "Люди", "Адам"},
    Wording{Phrase::households_key, "Households (farms)", "Хозяйства", "Шаруашылық"},
    Wording{Phrase::families_key, "Families", "Семьи", "Отбасы"},
    Wording{Phrase::livestock_key, "Livestock (head)", "Скот (голов)", "Мал (бас)"},
    Wording{Phrase::unit_not_stated_key, "Unit not stated", "Единица не указана", "Өлшем бірлігі көрсетілмеген"},
    Wording{Phrase::classes_suffix, " (classes)", " (классы)", " (топтар)"},
    Wording{Phrase::at_minimum_width, "≤ {}: minimum width", "≤ {}: наименьшая ширина", "≤ {}: ең аз ені"},
    Wording{Phrase::located_roughly, "located to \u00b130 km or worse (ring)",
            "место известно с точностью \u00b130 км и хуже (круг)", "орны \u00b130 км не одан да дәлсіз (шеңбер)"},
    Wording{Phrase::schematic_crossing, "crossing point not stated (broken end)",
            "место перехода не указано (прерывистый конец)", "өткен жері көрсетілмеген (үзік соңы)"},
    Wording{
        Phrase::possible_double_count,
        ". Possibly counted twice: {} {} ({}) may include {}, of the same dates; the sources do not say",
        ". Возможен двойной счёт: {} {} ({}) могут включать {}, те же даты; источники этого не уточняют",
        ". Қайталап есептелуі мүмкін: {} {} ({}) ішінде {} болуы мүмкін, күндері бірдей; дереккөздер бұны анықтамайды"},
    Wording{Phrase::and_word, " and ", " и ", " және "},
    Wording{Phrase::people_counted, "people", "человек", "адам"},
    Wording{Phrase::households_counted, "households", "хозяйств", "шаруашылық"},
    Wording{Phrase::families_counted, "families", "семей", "отбасы"},
    Wording{Phrase::livestock_counted, "head of livestock", "голов скота", "бас мал"},
    Wording{Phrase::short_flow, "short movement: disc of its width", "короткое перемещение: круг его ширины",
            "қысқа көшу: енімен тең шеңбер"},
};

constexpr bool in_enum_order() {
    for (std::size_t i = 0; i < kWordings.size(); ++i) {
        if (static_cast<std::size_t>(kWordings[i].which) != i) return false;
    }
    return static_cast<std::size_t>(Phrase::short_flow) + 1 == kWordings.size();
}
static_assert(in_enum_order(), "kWordings must list every Phrase in the enum's order");

}  // namespace

Phrase counted_unit_phrase(std::optional<model::Unit> unit) {
    switch (unit.value_or(model::Unit::people)) {
        case model::Unit::households:
            return Phrase::households_counted;
        case model::Unit::families:
            return Phrase::families_counted;
        case model::Unit::livestock_head:
            return Phrase::livestock_counted;
        case model::Unit::people:
            break;
    }
    return Phrase::people_counted;
}

const char* phrase(Phrase which, model::Language language) {
    const Wording& wording = kWordings[static_cast<std::size_t>(which)];
    switch (language) {
        case model::Language::ru:
            return wording.ru;
        case model::Language::kk:
            return wording.kk;
        case model::Language::en:
            break;
    }
    return wording.en;
}

std::string hemisphere_degrees(double degrees, bool meridian, model::Language language) {
    const long long whole = std::llround(std::abs(degrees));
    const bool negative = degrees < 0 && whole != 0;
    switch (language) {
        case model::Language::ru:
            return fmt::format("{}° {}", whole,
                               meridian ? (negative ? "з. д." : "в. д.") : (negative ? "ю. ш." : "с. ш."));
        case model::Language::kk:
            return fmt::format("{}° {}", whole,
                               meridian ? (negative ? "б. б." : "ш. б.") : (negative ? "о. е." : "с. е."));
        case model::Language::en:
            break;
    }
    return fmt::format("{}°{}", whole, meridian ? (negative ? "W" : "E") : (negative ? "S" : "N"));
}

std::string degrees_label(double degrees, bool meridian, model::Language language) {
    const long long whole = std::llround(std::abs(degrees));
    if (language != model::Language::en) return fmt::format("{}°", whole);
    const char* hemisphere = meridian ? (degrees < 0 ? "W" : "E") : (degrees < 0 ? "S" : "N");
    return fmt::format("{}°{}", whole, hemisphere);
}

}  // namespace steppeflow::layout
