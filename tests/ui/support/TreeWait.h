#pragma once

#include "ui/MainWindow.h"
#include "ui/TreeUpdateQueue.h"

#include <QTest>

// The main window's tree follows snapshots asynchronously (TreeUpdateQueue builds off the GUI
// thread): tests that read the tree right after publishing wait for it first.
namespace fd::ui::test {

inline bool waitForTree(const fd::ui::MainWindow &window, int timeoutMs = 30000)
{
    return QTest::qWaitFor([&window] { return window.treeUpdates()->isIdle(); }, timeoutMs);
}

} // namespace fd::ui::test
