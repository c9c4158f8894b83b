#include "DeleteObjectDialog.h"

#include "fission/FissionIndex.h"
#include "fission/Kinds.h"
#include "ui/forms/FormBackend.h"
#include "ui/forms/WhenFinished.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fd {
namespace ui {

namespace {

QString entry(const QString &kind, const fd::fission::FissionObject &o)
{
    return u"%1 %2/%3"_s.arg(kind, o.namespaceName(), o.name());
}

const fd::fission::KindInfo *kindNamed(const QString &kind)
{
    using namespace fd::fission::kinds;
    for (const fd::fission::KindInfo *k : {&environments(), &packages(), &functions(), &httpTriggers(), &timeTriggers(),
                                           &messageQueueTriggers(), &kubernetesWatchTriggers()}) {
        if (k->kind == kind)
            return k;
    }
    return nullptr;
}

} // namespace

QStringList referencesTo(const fd::engine::ClusterSnapshot &snapshot, const QString &kind, const QString &ns, const QString &name)
{
    const fd::fission::FissionIndex &index = snapshot.index;
    QStringList out;
    if (kind == u"Environment") {
        for (const auto *f : index.functions().inNamespace(ns)) {
            if (f->environment.name == name && (f->environment.namespaceName.isEmpty() || f->environment.namespaceName == ns))
                out << entry(u"Function"_s, *f);
        }
        for (const auto *p : index.packages().inNamespace(ns)) {
            const QString envName = p->object.toJsonObject().value("spec"_L1).toObject().value("environment"_L1).toObject().value("name"_L1).toString();
            if (envName == name)
                out << entry(u"Package"_s, *p);
        }
    } else if (kind == u"Package") {
        for (const auto *f : index.functions().inNamespace(ns)) {
            if (f->package.name == name)
                out << entry(u"Function"_s, *f);
        }
    } else if (kind == u"Function") {
        // Triggers address functions in their own namespace only (fission-reference §1).
        for (const fd::fission::Trigger *t : index.allTriggers()) {
            if (t->namespaceName() == ns && t->function.functionNames().contains(name))
                out << entry(t->object.kind(), *t);
        }
    }
    out.sort();
    return out;
}

DeleteObjectDialog::DeleteObjectDialog(FormBackend *backend, const QString &kind, const QString &namespaceName,
                                       const QString &name, QWidget *parent)
    : QDialog(parent), m_backend(backend), m_kind(kind), m_namespace(namespaceName), m_name(name)
{
    setObjectName(u"deleteObjectDialog"_s);
    setWindowTitle(tr("Delete %1 %2/%3").arg(kind, namespaceName, name));
    m_references = referencesTo(*backend->snapshot(), kind, namespaceName, name);
    auto *layout = new QVBoxLayout(this);
    auto *question = new QLabel(this);
    question->setWordWrap(true);
    if (m_references.isEmpty()) {
        question->setText(tr("Delete %1 %2 from %3? Nothing in the namespace refers to it.").arg(kind, name, namespaceName));
    } else {
        question->setText(tr("Delete %1 %2 from %3? These objects refer to it and will stop working until they are changed "
                             "or it is created again; they are not deleted with it:")
                              .arg(kind, name, namespaceName));
    }
    layout->addWidget(question);
    if (!m_references.isEmpty()) {
        auto *list = new QListWidget(this);
        list->setObjectName(u"deleteReferences"_s);
        list->addItems(m_references);
        layout->addWidget(list);
    }
    m_status = new QLabel(this);
    m_status->setObjectName(u"deleteStatus"_s);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    auto *buttons = new QDialogButtonBox(this);
    m_delete = buttons->addButton(tr("Delete"), QDialogButtonBox::DestructiveRole);
    m_delete->setObjectName(u"deleteButton"_s);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setDefault(true); // deleting is never the default
    layout->addWidget(buttons);
    connect(m_delete, &QPushButton::clicked, this, &DeleteObjectDialog::runDelete);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
}

QString DeleteObjectDialog::statusText() const
{
    return m_status->text();
}

void DeleteObjectDialog::runDelete()
{
    const fd::fission::KindInfo *kind = kindNamed(m_kind);
    if (!kind) {
        m_status->setText(tr("Fission Desk cannot delete objects of kind %1.").arg(m_kind));
        return;
    }
    m_delete->setEnabled(false);
    m_status->setText(tr("Deleting…"));
    const auto alive = m_alive;
    fd::ui::forms::whenFinished(this, m_backend->deleteObject(kind->gr, m_namespace, m_name), [this, alive](const fd::engine::CommandResult &r) {
        if (!*alive)
            return;
        m_status->setText(r.message);
        m_delete->setEnabled(!r.ok);
        if (r.ok) {
            Q_EMIT deleted(r.message);
            accept();
        }
    });
}

} // namespace ui
} // namespace fd

#include "moc_DeleteObjectDialog.cpp"
