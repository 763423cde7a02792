#pragma once
// An RGB image as a TIFF file (what journals ask artwork in), through GDAL's GTiff driver: LZW
// compressed, its resolution stated in dots per inch. Made in GDAL's memory file system and handed
// back as bytes, so the caller writes it as any output (atomically, beside the others).

#include <string>
#include <vector>

namespace steppeflow::io {

struct RgbImage {
    int width = 0;
    int height = 0;
    std::vector<unsigned char> rgb;  // width × height × 3, rows top to bottom
};

// IoError naming `path` (the file it is for) when GDAL cannot write it.
[[nodiscard]] std::string tiff_bytes(const RgbImage& image, double dpi, const std::string& path);

}  // namespace steppeflow::io
