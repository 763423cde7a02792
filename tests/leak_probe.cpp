// Built only with AddressSanitizer: leaks a Cairo surface on purpose, as a bug in steppeflow would.
// tests/check_leak_probe.sh runs it with the suite's leak suppressions (scripts/lsan.supp) and
// expects LeakSanitizer to report it: the suppressions must hide the system libraries' own caches,
// never a handle that steppeflow owns.
#include <cairo.h>

int main() {
    cairo_surface_t* leaked = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 64, 64);
    cairo_t* context = cairo_create(leaked);
    cairo_paint(context);
    return cairo_status(context) == CAIRO_STATUS_SUCCESS ? 0 : 2;
}
