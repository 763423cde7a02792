#pragma once
// Cairo objects owned, so that an exception between making and destroying one leaks nothing.

#include <memory>

#include <cairo.h>

namespace steppeflow::render {

struct SurfaceDestroy {
    void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
using Surface = std::unique_ptr<cairo_surface_t, SurfaceDestroy>;

struct ContextDestroy {
    void operator()(cairo_t* context) const { cairo_destroy(context); }
};
using Context = std::unique_ptr<cairo_t, ContextDestroy>;

}  // namespace steppeflow::render
