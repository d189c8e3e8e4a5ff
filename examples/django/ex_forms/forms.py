from django import forms


class SignupForm(forms.Form):
    username = forms.CharField(min_length=3, max_length=30)  # required by default
    age = forms.IntegerField(min_value=13)
