"""The document reader: a text with one sentence highlighted (linked from results and cards)."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import DetailView, TemplateView

from ..models import Document
from ..selectors.availability import closed_book_documents
from ..selectors.cards import study_document_titles
from .params import int_param


class DocumentReadView(LoginRequiredMixin, DetailView):
    template_name = "quizzes/document_read.html"
    context_object_name = "document"

    def get_queryset(self):
        user = self.request.user
        if user.is_teacher:
            return Document.objects.all()
        return Document.objects.filter(Q(is_published=True))

    def get_object(self, queryset=None):
        document = super().get_object(queryset)
        user = self.request.user
        closed = closed_book_documents(user=user, now=timezone.now())
        if not user.is_teacher and closed.filter(pk=document.pk).exists():
            raise PermissionDenied(
                _("Este texto no está disponible mientras tenga abierto un cuestionario a libro cerrado.")
            )
        return document

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        highlight = int_param(self.request.GET, "s")
        sentences = list(self.object.sentences.order_by("index"))
        context["sentences"] = sentences
        context["highlight"] = highlight
        if highlight is not None and not any(s.index == highlight for s in sentences):
            raise Http404(_("No existe esa oración."))
        return context


class DocumentListView(LoginRequiredMixin, TemplateView):
    """«Leer el texto» in the menu: the texts the student studies (one query), each a link to the reader."""

    template_name = "quizzes/document_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(documents=study_document_titles(user=self.request.user), **kwargs)
