#include "common/thread_pool.hpp"

#include <algorithm>
#include <atomic>
#include <exception>

#include <fmt/format.h>

#include "common/error.hpp"

namespace steppeflow {

struct ThreadPool::Loop {
    const std::function<void(std::size_t)>* task = nullptr;
    std::size_t count = 0;
    std::atomic<std::size_t> next{0};
    std::size_t finished = 0;  // under `mutex`
    std::mutex mutex;
    std::condition_variable done;
    std::exception_ptr failure;  // the first, under `mutex`

    // Takes tasks until none is left.
    void run() {
        for (std::size_t i = next++; i < count; i = next++) {
            std::exception_ptr failed;
            try {
                (*task)(i);
            } catch (...) {
                failed = std::current_exception();
            }
            const std::lock_guard lock(mutex);
            if (failed && !failure) failure = failed;
            if (++finished == count) done.notify_all();
        }
    }
};

ThreadPool::ThreadPool(unsigned threads) {
    if (threads == 0) threads = std::max(1U, std::thread::hardware_concurrency());
    try {
        workers_.reserve(threads - 1);
        for (unsigned i = 1; i < threads; ++i) workers_.emplace_back([this] { work(); });
    } catch (const std::exception& e) {
        // The workers already started wait on this pool's state: stop and join them before it goes.
        stop();
        throw IoError(fmt::format("cannot start {} threads: {}; give a smaller -j", threads, e.what()));
    }
}

ThreadPool::~ThreadPool() { stop(); }

void ThreadPool::stop() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    workers_.clear();  // joins
}

void ThreadPool::work() {
    while (true) {
        std::shared_ptr<Loop> loop;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
            if (queue_.empty()) return;  // stopping, and nothing left to help with
            loop = std::move(queue_.front());
            queue_.pop_front();
        }
        loop->run();
    }
}

void ThreadPool::parallel_for(std::size_t count, const std::function<void(std::size_t)>& task, unsigned width) {
    if (count == 0) return;
    auto loop = std::make_shared<Loop>();
    loop->task = &task;
    loop->count = count;
    const std::size_t wanted = std::min<std::size_t>(width == 0 ? size() : width, count);
    const std::size_t helpers = std::min<std::size_t>(wanted - 1, workers_.size());
    if (helpers > 0) {
        try {
            const std::lock_guard lock(mutex_);
            for (std::size_t i = 0; i < helpers; ++i) queue_.push_back(loop);
        } catch (...) {
            // Tokens queued before the failure must find nothing to run: the task is about to go.
            loop->next = count;
            throw;
        }
        wake_.notify_all();
    }
    loop->run();
    std::unique_lock lock(loop->mutex);
    loop->done.wait(lock, [&] { return loop->finished == loop->count; });
    if (loop->failure) std::rethrow_exception(loop->failure);
}

ThreadPool& serial_pool() {
    // Stateless apart from its (absent) workers: every loop runs on its caller.
    static ThreadPool pool(1);
    return pool;
}

}  // namespace steppeflow
