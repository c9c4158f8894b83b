#pragma once

#include "engine/ClusterSnapshot.h"

#include <QDialog>
#include <QStringList>

class QLabel;
class QListWidget;
class QPushButton;

namespace fd {
namespace ui {

class FormBackend;

// What still points at an object, from the snapshot: the functions and packages using an
// environment, the triggers calling a function, the functions using a package. Each entry is
// "Kind namespace/name" (kinds untranslated: they are API names).
QStringList referencesTo(const fd::engine::ClusterSnapshot &snapshot, const QString &kind, const QString &namespaceName,
                         const QString &name);

// "Delete Function team-a/hello?" with the list of what references it (those objects break, they
// are not deleted with it). Delete runs the request; failures stay in the dialog.
class DeleteObjectDialog : public QDialog
{
    Q_OBJECT
public:
    DeleteObjectDialog(FormBackend *backend, const QString &kind, const QString &namespaceName, const QString &name,
                       QWidget *parent = nullptr);

    QStringList references() const { return m_references; }
    QPushButton *deleteButton() const { return m_delete; }
    QString statusText() const;

Q_SIGNALS:
    void deleted(const QString &message);

private:
    void runDelete();

    FormBackend *m_backend;
    QString m_kind;
    QString m_namespace;
    QString m_name;
    QStringList m_references;
    QLabel *m_status = nullptr;
    QPushButton *m_delete = nullptr;
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);

public:
    ~DeleteObjectDialog() override { *m_alive = false; }
};

} // namespace ui
} // namespace fd
