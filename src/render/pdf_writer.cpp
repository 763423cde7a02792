#include <cairo-pdf.h>

#include "render/cairo_stream.hpp"
#include "render/scene_painter.hpp"
#include "render/writer_kinds.hpp"

namespace steppeflow::render {

void PdfWriter::write(const layout::Scene& scene, const std::filesystem::path& path, std::FILE* out,
                      const WriteOptions& options) const {
    const Surface surface(cairo_pdf_surface_create_for_stream(write_to_file, out, scene.page_width_mm * kPointsPerMm,
                                                              scene.page_height_mm * kPointsPerMm));
    // A fixed creation date keeps re-rendered PDFs byte-identical.
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, "2025-01-01T00:00:00Z");
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "steppeflow");
    if (!scene.document_title.empty())
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, scene.document_title.c_str());
    if (!scene.document_author.empty())
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_AUTHOR, scene.document_author.c_str());
    paint_on(surface.get(), scene, kPointsPerMm, path, options.flatten);
    cairo_surface_finish(surface.get());
    check_status(cairo_surface_status(surface.get()), path);
}

}  // namespace steppeflow::render
