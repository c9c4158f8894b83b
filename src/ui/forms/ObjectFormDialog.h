#pragma once

#include "engine/ClusterSnapshot.h"
#include "engine/CommandResult.h"
#include "fission/Kinds.h"

#include <QDialog>
#include <QHash>
#include <QJsonObject>
#include <QPointer>
#include <QStringList>

#include <functional>

class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;

namespace fd {
namespace ui {

class FormBackend;

// The frame every object form shares: a name field, the form's own fields with their messages
// beside them (validated as the user types), a read-only YAML preview of exactly what will be
// sent, and Apply = a server-side dry run, then the real request. The server's field errors land
// next to the fields; nothing the user typed is lost on any failure; a conflict (someone else
// saved the object) offers "Reload and reapply". Edit mode starts from the object's full JSON
// and changes only the form's fields, so fields the form does not show survive.
//
// Subclasses build their fields in buildFields(), read them back in writeFields() and check them
// in validateFields(); they call initialize() at the end of their constructor.
class ObjectFormDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode { Create, Edit };

    // `existing` empty: create in `namespaceName`; else edit that object.
    ObjectFormDialog(FormBackend *backend, const fd::fission::KindInfo &kind, const QString &namespaceName,
                     const QJsonObject &existing, QWidget *parent = nullptr);
    ~ObjectFormDialog() override;

    Mode mode() const { return m_mode; }
    QString namespaceName() const { return m_namespace; }
    // The object Apply would send now.
    QJsonObject buildObject() const;
    // The message shown next to a field ("" when none); for tests and screenshots.
    QString fieldMessage(const QString &key) const;
    QString statusText() const;
    QString bannerText() const;
    QPushButton *applyButton() const { return m_apply; }
    QPushButton *reloadButton() const { return m_reload; }
    QLineEdit *nameEdit() const { return m_name; }
    // Starts Apply (the button does the same).
    void apply();
    // After a conflict: takes the server's current object as the base, puts the form's fields on
    // it again and applies.
    void reloadAndReapply();

Q_SIGNALS:
    // The real request succeeded; `object` is the server's answer.
    void applied(const QJsonObject &object, const QString &message);
    // A dry run or request finished unsuccessfully (the form stays open with the input).
    void applyFailed(const QString &message);

protected:
    virtual void buildFields(QFormLayout *layout) = 0;
    // Fills the widgets from an object (edit mode, and after "reload" only the base changes).
    virtual void loadFields(const QJsonObject &object) = 0;
    // Puts the form's values on `object` (which already carries every other field).
    virtual void writeFields(QJsonObject &object) const = 0;
    // Field key → message for the fields that are wrong now.
    virtual QHash<QString, QString> validateFields() const = 0;

    // Adds a row: `editor` with a message line under it. `jsonPaths` are the object paths the
    // field writes, so a server error about "spec.runtime.image" lands on the right row.
    void addField(QFormLayout *layout, const QString &key, const QString &label, QWidget *editor,
                  const QStringList &jsonPaths);
    void setFieldVisible(const QString &key, bool visible);
    // Re-validates and refreshes the preview when `editor` changes (line edits, combos, spins,
    // check boxes).
    void watch(QWidget *editor);
    fd::engine::ClusterSnapshotPtr snapshot() const;
    void initialize();
    // Called whenever a watched editor changes, before validation (e.g. to show/hide rows).
    virtual void fieldsChanged() {}
    // Work that must finish before the dry run (e.g. uploading an archive the object will
    // reference). Call `proceed` with an empty string to go on, or with the translated reason
    // to stop (the form stays open with its input). Default: go on at once.
    virtual void prepareApply(std::function<void(const QString &error)> proceed) { proceed(QString()); }
    void setStatusText(const QString &text);
    FormBackend *backend() const { return m_backend; }
    // Re-validates now (for a form whose state changes outside its watched editors, e.g. an
    // archive finished zipping).
    void refreshValidation() { revalidate(); }

private:
    struct Field {
        QString key;
        QWidget *row = nullptr;
        QLabel *message = nullptr;
        QStringList paths;
    };
    void revalidate();
    void showMessages();
    QString fixFieldsText() const;
    void setBusy(bool busy);
    void onResult(const fd::engine::CommandResult &result, bool dryRun);
    QString fieldForPath(const QString &path) const;
    void checkPermission();
    void updateBanner();

    FormBackend *m_backend;
    fd::fission::KindInfo m_kind;
    QString m_namespace;
    Mode m_mode;
    QJsonObject m_base;
    QList<Field> m_fields;
    QHash<QString, QString> m_localErrors;
    QHash<QString, QString> m_serverErrors;
    QFormLayout *m_form = nullptr;
    QTabWidget *m_tabs = nullptr;
    QLineEdit *m_name = nullptr;
    QPlainTextEdit *m_yaml = nullptr;
    QLabel *m_banner = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_apply = nullptr;
    QPushButton *m_reload = nullptr;
    QString m_missingPermission;
    bool m_busy = false;
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
};

} // namespace ui
} // namespace fd
