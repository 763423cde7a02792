// The run's one pool of threads (common/thread_pool.hpp): every task runs once, failures come back
// to the caller, loops inside loops never deadlock, and no more threads run at once than the pool has.

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>

#include <gtest/gtest.h>

#include "common/thread_pool.hpp"

using steppeflow::ThreadPool;

TEST(ThreadPool, RunsEveryTaskOnce) {
    for (unsigned size : {1U, 2U, 5U}) {
        ThreadPool pool(size);
        std::vector<std::atomic<int>> runs(1000);
        pool.parallel_for(runs.size(), [&](std::size_t i) { ++runs[i]; });
        for (const auto& r : runs) EXPECT_EQ(r.load(), 1) << size;
    }
}

TEST(ThreadPool, NestedLoopsFinishAndStayWithinThePoolsThreads) {
    for (unsigned size : {1U, 2U, 3U}) {
        ThreadPool pool(size);
        std::atomic<int> running{0};
        std::atomic<int> most{0};
        std::mutex ids_mutex;
        std::set<std::thread::id> ids;
        std::atomic<int> inner_runs{0};
        // A batch of figures, each painting bands on the same pool.
        pool.parallel_for(6, [&](std::size_t) {
            pool.parallel_for(8, [&](std::size_t) {
                const int now = ++running;
                int seen = most.load();
                while (now > seen && !most.compare_exchange_weak(seen, now)) {
                }
                {
                    const std::lock_guard lock(ids_mutex);
                    ids.insert(std::this_thread::get_id());
                }
                std::this_thread::sleep_for(std::chrono::microseconds(200));
                ++inner_runs;
                --running;
            });
        });
        EXPECT_EQ(inner_runs.load(), 48) << size;
        EXPECT_LE(most.load(), static_cast<int>(size)) << size;
        EXPECT_LE(ids.size(), size) << size;
    }
}

TEST(ThreadPool, AFailingTaskIsRethrownToTheCallerAfterTheOthersFinish) {
    ThreadPool pool(2);
    std::atomic<int> finished{0};
    EXPECT_THROW(pool.parallel_for(50,
                                   [&](std::size_t i) {
                                       if (i == 7) throw std::runtime_error("band 7");
                                       ++finished;
                                   }),
                 std::runtime_error);
    EXPECT_EQ(finished.load(), 49);
    // The pool is still usable.
    std::atomic<int> again{0};
    pool.parallel_for(10, [&](std::size_t) { ++again; });
    EXPECT_EQ(again.load(), 10);
}

TEST(ThreadPool, AWidthCapsHowManyRunAtOnce) {
    ThreadPool pool(4);
    std::atomic<int> running{0};
    std::atomic<int> most{0};
    pool.parallel_for(
        20,
        [&](std::size_t) {
            const int now = ++running;
            int seen = most.load();
            while (now > seen && !most.compare_exchange_weak(seen, now)) {
            }
            std::this_thread::sleep_for(std::chrono::microseconds(300));
            --running;
        },
        2);
    EXPECT_LE(most.load(), 2);
}

namespace {
// Waits (at most 5 s) until `count` tasks have arrived; true when they all did, so they ran at once.
bool meet(std::atomic<int>& arrived, int count) {
    ++arrived;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (arrived.load() < count) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::yield();
    }
    return true;
}
}  // namespace

TEST(ThreadPool, APoolOfTwoRunsTwoTasksAtOnce) {
    ThreadPool pool(2);
    std::atomic<int> arrived{0};
    std::atomic<int> met{0};
    pool.parallel_for(2, [&](std::size_t) { met += meet(arrived, 2) ? 1 : 0; });
    EXPECT_EQ(met.load(), 2) << "the tasks ran one after the other";
}

TEST(ThreadPool, AnIdleWorkerHelpsWithALoopInsideALoop) {
    // One figure on a pool of two: its two bands still run at once.
    ThreadPool pool(2);
    std::atomic<int> arrived{0};
    std::atomic<int> met{0};
    pool.parallel_for(
        1, [&](std::size_t) { pool.parallel_for(2, [&](std::size_t) { met += meet(arrived, 2) ? 1 : 0; }); });
    EXPECT_EQ(met.load(), 2) << "the inner loop ran on one thread";
}
