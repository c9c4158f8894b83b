#pragma once

// Driving the object forms through their widgets as a user does, shared by the form tests.

#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QProcess>
#include <QRect>
#include <QTest>
#include <QWidget>

namespace fd::test {

template <typename T>
T *child(QWidget *parent, const QString &name)
{
    T *w = parent->findChild<T *>(name);
    if (!w)
        qWarning("no child %s", qPrintable(name));
    return w;
}

// Types into a line edit (or an editable combo box's) as a user does: select all, then keys.
inline void typeInto(QWidget *w, const QString &text)
{
    if (auto *combo = qobject_cast<QComboBox *>(w))
        w = combo->lineEdit();
    auto *edit = qobject_cast<QLineEdit *>(w);
    QVERIFY(edit);
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

// With FD_FORMS_SCREENSHOT_DIR set (under Xvfb), the form is captured with ImageMagick's `import`
// while it shows: docs/screenshots/form-<name>.png.
inline void screenshotForm(QWidget *w, const QString &name)
{
    const QString dir = qEnvironmentVariable("FD_FORMS_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    w->move(20, 20);
    w->show();
    w->raise();
    QVERIFY(QTest::qWaitForWindowExposed(w));
    QTest::qWait(500); // let the window manager-less X server paint; not an assertion
    const QRect frame = w->frameGeometry().adjusted(-10, -10, 10, 10);
    QProcess::execute(QStringLiteral("import"),
                      {QStringLiteral("-window"), QStringLiteral("root"), QStringLiteral("-crop"),
                       QStringLiteral("%1x%2+%3+%4").arg(frame.width()).arg(frame.height()).arg(qMax(0, frame.x())).arg(qMax(0, frame.y())),
                       QDir(dir).filePath(QStringLiteral("form-%1.png").arg(name))});
}

} // namespace fd::test
