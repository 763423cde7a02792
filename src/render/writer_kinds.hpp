#pragma once
// The writers this build has (render/writer.hpp), one file each.

#include "render/writer.hpp"

namespace steppeflow::render {

// SVG in millimetres, its Cairo surface ids numbered per document so that re-rendering gives the
// same bytes.
class SvgWriter final : public Writer {
public:
    [[nodiscard]] std::string_view extension() const override { return ".svg"; }
    [[nodiscard]] std::string_view description() const override { return "SVG (vector, in mm)"; }
    void write(const layout::Scene& scene, const std::filesystem::path& path, std::FILE* out,
               const WriteOptions& options) const override;
};

// PDF in points, with a fixed creation date so that re-rendering gives the same bytes.
class PdfWriter final : public Writer {
public:
    [[nodiscard]] std::string_view extension() const override { return ".pdf"; }
    [[nodiscard]] std::string_view description() const override { return "PDF (vector)"; }
    void write(const layout::Scene& scene, const std::filesystem::path& path, std::FILE* out,
               const WriteOptions& options) const override;
};

// PNG at the figure's dpi, painted in bands and deflated on the run's pool (png_writer.hpp).
class PngWriter final : public Writer {
public:
    [[nodiscard]] std::string_view extension() const override { return ".png"; }
    [[nodiscard]] std::string_view description() const override { return "PNG (raster, at --dpi)"; }
    void check(const layout::Scene& scene, const std::filesystem::path& path,
               const WriteOptions& options) const override;
    void write(const layout::Scene& scene, const std::filesystem::path& path, std::FILE* out,
               const WriteOptions& options) const override;
};

// TIFF at the figure's dpi (the PNG's pixels), LZW, its resolution stated: what journals ask for.
class TiffWriter final : public Writer {
public:
    [[nodiscard]] std::string_view extension() const override { return ".tif"; }
    [[nodiscard]] std::string_view description() const override { return "TIFF (raster, at --dpi, LZW)"; }
    void check(const layout::Scene& scene, const std::filesystem::path& path,
               const WriteOptions& options) const override;
    void write(const layout::Scene& scene, const std::filesystem::path& path, std::FILE* out,
               const WriteOptions& options) const override;
};

// A self-contained interactive page (html_writer.cpp): the editable SVG inline, each flow's record
// shown on hover, tap or keyboard focus, a year control.
class HtmlWriter final : public Writer {
public:
    [[nodiscard]] std::string_view extension() const override { return ".html"; }
    [[nodiscard]] std::string_view description() const override {
        return "HTML (one self-contained interactive page: each flow's record on hover, tap or focus)";
    }
    void write(const layout::Scene& scene, const std::filesystem::path& path, std::FILE* out,
               const WriteOptions& options) const override;
};

// The layout report (layout/layout_report.hpp): what was laid out where, and its quality counts.
class ReportWriter final : public Writer {
public:
    [[nodiscard]] std::string_view extension() const override { return ".json"; }
    [[nodiscard]] std::string_view description() const override { return "layout report (JSON)"; }
    void write(const layout::Scene& scene, const std::filesystem::path& path, std::FILE* out,
               const WriteOptions& options) const override;
};

// The drawn flows (lines, as drawn) and places (points) in WGS84 lon/lat with their records'
// attributes, through GDAL (gis_writer.cpp): one GeoJSON layer, flows and places told by `layer`.
class GeoJsonWriter final : public Writer {
public:
    [[nodiscard]] std::string_view extension() const override { return ".geojson"; }
    [[nodiscard]] std::string_view description() const override {
        return "GeoJSON (the drawn flows and places, lon/lat, for a GIS)";
    }
    void write(const layout::Scene& scene, const std::filesystem::path& path, std::FILE* out,
               const WriteOptions& options) const override;
};

// The same as a GeoPackage of two layers, flows and places.
class GeoPackageWriter final : public Writer {
public:
    [[nodiscard]] std::string_view extension() const override { return ".gpkg"; }
    [[nodiscard]] std::string_view description() const override {
        return "GeoPackage (layers flows and places, lon/lat, for a GIS)";
    }
    void write(const layout::Scene& scene, const std::filesystem::path& path, std::FILE* out,
               const WriteOptions& options) const override;
};

}  // namespace steppeflow::render
