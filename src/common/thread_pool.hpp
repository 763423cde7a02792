#pragma once
// One pool of threads for a run, sized by -j: the figures of a batch, the bands of a PNG page and
// the bands of its deflate all draw on it, so a batch of N figures draws on -j threads in all, not
// on N × cores. (Each figure also makes its projection on a short-lived thread of its own while its
// options are read: PROJ's set-up, not drawing.) Work is handed out as parallel loops; the thread that starts a loop
// works on it too and takes only its own loop's tasks while it waits, so loops inside loops (a band inside a figure)
// never deadlock, whatever the pool's size.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace steppeflow {

class ThreadPool {
public:
    // `threads`: how many run at once, the caller's included (0: one per core). A pool of one runs
    // every loop on its caller, in order. IoError when the threads cannot be started.
    explicit ThreadPool(unsigned threads = 0);
    ~ThreadPool();
    ThreadPool(const ThreadPool&) = delete;
    ThreadPool& operator=(const ThreadPool&) = delete;
    ThreadPool(ThreadPool&&) = delete;
    ThreadPool& operator=(ThreadPool&&) = delete;

    [[nodiscard]] unsigned size() const { return static_cast<unsigned>(workers_.size()) + 1; }

    // Runs task(0) … task(count - 1), on this thread and the pool's, and returns when all are done.
    // At most `width` run at once (0: as many as the pool has). The first exception a task threw is
    // rethrown here once every task has finished.
    void parallel_for(std::size_t count, const std::function<void(std::size_t)>& task, unsigned width = 0);

private:
    struct Loop;
    void work();
    void stop();  // wakes and joins every worker

    std::vector<std::jthread> workers_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::shared_ptr<Loop>> queue_;  // one entry per helper a loop asks for
    bool stopping_ = false;
};

// The pool to use when none is given: a pool of one (everything on the calling thread).
[[nodiscard]] ThreadPool& serial_pool();

}  // namespace steppeflow
