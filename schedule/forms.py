from django import forms

from core.dates import YEARS
from schedule.models import Entry


class EntryAdminForm(forms.ModelForm):
    # Set by EntryAdmin.get_form: whether the user may publish.
    can_publish = True

    class Meta:
        model = Entry
        fields = [
            "day",
            "start_time",
            "end_time",
            "content",
            "presiding",
            "attendees",
            "location",
            "note",
            "status",
            "published_at",
        ]
        widgets = {
            "content": forms.Textarea(attrs={"rows": 3}),
            "attendees": forms.Textarea(attrs={"rows": 3}),
            "start_time": forms.TimeInput(format="%H:%M"),
            "end_time": forms.TimeInput(format="%H:%M"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        status = self.fields.get("status")
        if status is not None and not self.can_publish:
            status.choices = [
                c for c in status.choices if c[0] != Entry.Status.PUBLISHED
            ]
            status.help_text = "Chọn “Chờ duyệt” để gửi lịch cho người duyệt xuất bản."

    def clean_status(self):
        status = self.cleaned_data["status"]
        if status == Entry.Status.PUBLISHED and not self.can_publish:
            raise forms.ValidationError(
                "Bạn không có quyền xuất bản lịch công tác. Hãy chọn “Chờ duyệt”.",
                code="publish_denied",
            )
        return status

    def clean_day(self):
        day = self.cleaned_data["day"]
        if day.year not in YEARS:
            raise forms.ValidationError("Năm nằm ngoài phạm vi của lịch.")
        return day

    def clean(self):
        data = super().clean()
        start, end = data.get("start_time"), data.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", "Giờ kết thúc phải sau giờ bắt đầu.")
        return data
