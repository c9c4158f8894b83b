#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

namespace fd::ui::forms {

// Runs `handler(result)` on `owner`'s thread when `future` finishes, and never once `owner` is
// gone. Qt 6.4's QFuture::then(context, …) asserts (and in release builds drops the call with a
// warning) when the context dies before the future finishes, which a dialog closed during a
// request does; a watcher owned by the dialog simply dies with it.
template <typename T, typename Handler>
void whenFinished(QObject *owner, const QFuture<T> &future, Handler handler)
{
    auto *watcher = new QFutureWatcher<T>(owner);
    QObject::connect(watcher, &QFutureWatcherBase::finished, owner, [watcher, handler = std::move(handler)]() mutable {
        watcher->deleteLater();
        const QFuture<T> done = watcher->future();
        if (done.resultCount() == 0)
            return; // cancelled: the session went away
        handler(done.result());
    });
    watcher->setFuture(future);
}

} // namespace fd::ui::forms
