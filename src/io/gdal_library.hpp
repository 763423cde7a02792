#pragma once
// GDAL is loaded when a file is first read through it, not when steppeflow starts. Debian's libgdal
// brings about 110 shared libraries with it, and loading them took a quarter of a short render
// (some 70 ms of 0.27 s); a run whose inputs all come from the read cache (io/read_cache.hpp), or
// that reads no data at all, never needs them. The headers give the types; the functions are
// resolved from the library when it is loaded.

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_vsi.h>
#include <gdal.h>
#include <gdal_utils.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

namespace steppeflow::io {

// The GDAL C API functions steppeflow calls, under their own names.
#define STEPPEFLOW_GDAL_FUNCTIONS(X) \
    X(GDALAllRegister)               \
    X(GDALOpenEx)                    \
    X(GDALClose)                     \
    X(GDALDatasetGetLayerCount)      \
    X(GDALDatasetGetLayer)           \
    X(GDALGetRasterCount)            \
    X(GDALGetRasterBand)             \
    X(GDALRasterIO)                  \
    X(GDALGetProjectionRef)          \
    X(GDALWarpAppOptionsNew)         \
    X(GDALWarpAppOptionsFree)        \
    X(GDALWarp)                      \
    X(GDALDEMProcessingOptionsNew)   \
    X(GDALDEMProcessingOptionsFree)  \
    X(GDALDEMProcessing)             \
    X(OGR_L_ResetReading)            \
    X(OGR_L_GetNextFeature)          \
    X(OGR_L_GetLayerDefn)            \
    X(OGR_FD_GetFieldCount)          \
    X(OGR_FD_GetFieldDefn)           \
    X(OGR_Fld_GetNameRef)            \
    X(OGR_F_Destroy)                 \
    X(OGR_F_GetFID)                  \
    X(OGR_F_GetGeometryRef)          \
    X(OGR_F_GetFieldIndex)           \
    X(OGR_F_IsFieldSetAndNotNull)    \
    X(OGR_F_GetFieldAsString)        \
    X(OGR_F_GetFieldAsDouble)        \
    X(OGR_G_GetGeometryType)         \
    X(OGR_G_GetGeometryName)         \
    X(OGR_G_GetGeometryCount)        \
    X(OGR_G_GetGeometryRef)          \
    X(OGR_G_GetPointCount)           \
    X(OGR_G_GetX)                    \
    X(OGR_G_GetY)                    \
    X(OGR_G_IsEmpty)                 \
    X(OGR_GT_Flatten)                \
    X(GDALGetDriverByName)           \
    X(GDALCreate)                    \
    X(GDALDatasetCreateLayer)        \
    X(GDALDatasetStartTransaction)   \
    X(GDALDatasetCommitTransaction)  \
    X(OGR_Fld_Create)                \
    X(OGR_Fld_Destroy)               \
    X(OGR_L_CreateField)             \
    X(OGR_L_CreateFeature)           \
    X(OGR_F_Create)                  \
    X(OGR_F_SetFieldString)          \
    X(OGR_F_SetFieldInteger64)       \
    X(OGR_F_SetFieldDouble)          \
    X(OGR_F_SetGeometryDirectly)     \
    X(OGR_G_CreateGeometry)          \
    X(OGR_G_AddPoint_2D)             \
    X(OGR_G_DestroyGeometry)         \
    X(OSRNewSpatialReference)        \
    X(OSRImportFromEPSG)             \
    X(OSRSetAxisMappingStrategy)     \
    X(OSRRelease)                    \
    X(VSIGetMemFileBuffer)           \
    X(VSIUnlink)                     \
    X(GDALDatasetRasterIO)           \
    X(GDALDatasetGetLayerByName)     \
    X(OGR_L_GetName)                 \
    X(OGR_L_GetSpatialRef)           \
    X(OSRIsSameEx)                   \
    X(OSRClone)                      \
    X(CPLSetThreadLocalConfigOption) \
    X(OCTNewCoordinateTransformation) \
    X(OCTDestroyCoordinateTransformation) \
    X(OGR_G_Transform)               \
    X(GDALSetMetadataItem)           \
    X(CPLPushErrorHandlerEx)         \
    X(CPLPopErrorHandler)            \
    X(CPLGetErrorHandlerUserData)

struct GdalApi {
#define STEPPEFLOW_GDAL_MEMBER(name) decltype(&::name) name = nullptr;
    STEPPEFLOW_GDAL_FUNCTIONS(STEPPEFLOW_GDAL_MEMBER)
#undef STEPPEFLOW_GDAL_MEMBER
};

// GDAL, loaded and its drivers registered on the first call from any thread (later calls wait for
// it, then return at once). The library stays loaded for the life of the process, as it would if
// linked. Throws IoError, saying how to install it, when it cannot be loaded.
const GdalApi& gdal();

// Whether some thread has asked for GDAL yet (it may still be loading). Never loads it.
bool gdal_requested();

// Does ahead of time what the first GeoJSON file would wait for: GDAL's WGS84 definition, built once
// per process from the PROJ database (tens of milliseconds). Run on another core while the CSV files
// are read, it is ready by the time the basemap is. Loads GDAL if it is not loaded.
void prepare_geojson_reading();

}  // namespace steppeflow::io
