#pragma once
// Temporary files a run is writing, removed when the run is stopped by a signal (Ctrl-C, kill).
//
// A signal handler can reach nothing but process-wide state, so this is the one piece of global
// state in steppeflow: a fixed table of paths, written with atomics and read by the handler with
// async-signal-safe calls only (unlink, then the signal's default action).

#include <string>

namespace steppeflow {

// Removes the registered temporary files on SIGINT, SIGTERM and SIGHUP, then lets the signal do what
// it would have done (the process ends with it). Call once, early (the command line's main).
void remove_temporaries_on_signals();

// Registers a path until forget_temporary(slot); returns the slot, or -1 when the table is full (the
// file is then only removed by normal unwinding, or by a later run: see stale_temporary).
[[nodiscard]] int remember_temporary(const std::string& path);
void forget_temporary(int slot);

// Whether a temporary file name made by AtomicFile (".NAME.tmp-PID-XXXXXX") belongs to a process that
// no longer runs, so that a later run may remove what a killed one left.
[[nodiscard]] bool stale_temporary(const std::string& filename, const std::string& target_filename);

}  // namespace steppeflow
