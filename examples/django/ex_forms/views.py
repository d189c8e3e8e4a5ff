from django.shortcuts import redirect, render

from .forms import SignupForm


def signup(request):
    # CsrfViewMiddleware (on by default) has already rejected a POST without a valid token.
    form = SignupForm(request.POST if request.method == "POST" else None)
    if form.is_valid():  # an unbound form (GET) is never valid
        return redirect("ex_forms:welcome", username=form.cleaned_data["username"])
    return render(request, "ex_forms/signup.html", {"form": form})


def welcome(request, username):
    return render(request, "ex_forms/welcome.html", {"username": username})
