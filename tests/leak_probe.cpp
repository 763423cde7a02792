// Built only with AddressSanitizer: leaks a Cairo image surface on purpose, as a bug in steppeflow
// would. tests/check_leak_probe.sh runs it with the suite's leak suppressions (scripts/lsan.supp) and
// expects LeakSanitizer to report it: the suppressions must hide the system libraries' own caches,
// never a handle that steppeflow owns. (A leaked cairo_t would not do: Cairo keeps contexts in a
// static stash, which keeps their surface reachable.)
#include <cstdio>

#include <cairo.h>

namespace {
__attribute__((noinline)) int leak_a_surface() {
    cairo_surface_t* leaked = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 64, 64);
    return cairo_surface_status(leaked) == CAIRO_STATUS_SUCCESS ? 0 : 2;
}
}  // namespace

int main() {
    const int status = leak_a_surface();
    std::printf("leaked one surface\n");
    return status;
}
