"""Forms of the student and teacher pages (the admin's forms live with the admin). They validate; services write."""
